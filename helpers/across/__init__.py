"""3. Reasoning across articles: dating rounds, then the merge of mentions into the chronology."""


class NeedsFullBuild(Exception):
    """A warm rebuild cannot give the full build's result here (the message says why)."""
