"""Check functions for `kind: python` rules, one module per pack."""
