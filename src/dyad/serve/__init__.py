"""Serving the store: the JSON API and the static dashboard it serves."""
