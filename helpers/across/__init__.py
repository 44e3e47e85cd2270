"""3. Reasoning across articles: dating rounds, then the merge of mentions into the chronology."""
