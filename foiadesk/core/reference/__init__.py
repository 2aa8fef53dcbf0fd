"""Reference data: the agency directory and case packs."""
