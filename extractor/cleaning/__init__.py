"""Cleaning: find the article body (layout, site furniture) and repair scraping damage."""
