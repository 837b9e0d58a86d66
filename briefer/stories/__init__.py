"""stories: see docs/architecture.md."""
