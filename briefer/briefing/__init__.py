"""briefing: see docs/architecture.md."""
