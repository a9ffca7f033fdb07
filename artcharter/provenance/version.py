"""The installed artcharter version, read once from the package metadata."""

from importlib.metadata import PackageNotFoundError, version

try:
    VERSION = version("artcharter")
except PackageNotFoundError:  # running from a source tree that was not installed
    VERSION = "0.0.0+source"
