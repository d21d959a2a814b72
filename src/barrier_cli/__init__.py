"""barrier: a railway workshop's one safety record book, kept as YAML in git."""

__version__ = "0.2.0"
