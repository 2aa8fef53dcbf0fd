"""Ship the top-level resources/ and templates/ folders inside the wheel as
``foiadesk.resources`` and ``foiadesk.templates`` (everything else is in pyproject.toml)."""

from setuptools import find_packages, setup

DATA = {"foiadesk.resources": "resources", "foiadesk.templates": "templates"}

setup(
    packages=find_packages(include=["foiadesk", "foiadesk.*"]) + list(DATA),
    package_dir=DATA,
    package_data={"foiadesk.resources": ["**/*"], "foiadesk.templates": ["*.docx", "*.md"]},
    zip_safe=False,
)
