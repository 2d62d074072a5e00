"""Catalog (issue 5): products, programs (+iCalendar), map data, JSON-LD, open data."""
