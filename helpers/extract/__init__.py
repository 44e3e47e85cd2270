"""2. Per-article extraction: publication date, dates, places, events and figures of one article."""
