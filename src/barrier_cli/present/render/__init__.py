"""Rendering the monthly analysis: term (rich), md and html (Jinja templates), json."""
