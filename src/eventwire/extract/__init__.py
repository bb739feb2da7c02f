"""Extraction: pure functions over a spaCy Doc and the dictionaries.

actors -> places, dates, quotes -> events. Nothing here knows the store or the web.
"""
