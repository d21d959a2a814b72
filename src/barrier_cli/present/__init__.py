"""Presentation: findings and documents as text, Markdown, HTML and JSON, through
reporters and templates; the notice, rendered and published."""
