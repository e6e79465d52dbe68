"""Stories: exact and near-duplicate copies of one text, grouped across outlets.

``minhash`` turns a text into word shingles and a MinHash signature; ``index``
assigns each stored article to a story through LSH band buckets kept in SQLite;
``Story``/``StoryCopy`` are what the store returns about a story.
"""

from presscut.stories.config import StoryConfig
from presscut.stories.model import Story, StoryCopy

__all__ = ["Story", "StoryConfig", "StoryCopy"]
