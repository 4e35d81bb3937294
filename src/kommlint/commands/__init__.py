"""Subcommands beyond check/rules/explain, one module each, registered at the end of cli.py."""
