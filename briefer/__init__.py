"""briefer: short, faithful, checked news briefings in several languages."""

__version__ = "0.1.0"
