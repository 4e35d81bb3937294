"""kommlint: a compliance linter for the outgoing communication of Stockholms stad."""

__version__ = "0.1.0"
