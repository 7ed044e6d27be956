"""strife: news reports of political violence and unrest -> coded, geocoded events."""

__version__ = "0.1.0"
