"""delivery: see docs/architecture.md."""
