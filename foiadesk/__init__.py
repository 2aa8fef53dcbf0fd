"""FoiaDesk: draft, log and track US federal FOIA requests offline."""

__version__ = "0.1.0"
