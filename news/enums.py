"""Constants of the news capability."""

from datetime import timedelta

# Listing page size on the public site and in the extranet.
NEWS_PER_PAGE = 10
# How many items a feed lists.
FEED_SIZE = 30
# Related news shown under an item.
RELATED_COUNT = 3

# Digest: users per batch (one transaction, a constant number of queries each).
DIGEST_BATCH_SIZE = 500
# A user who never received a digest gets what was published in this window.
DIGEST_FIRST_WINDOW = timedelta(days=1)
# Each digest looks a little before the previous one: an item whose publication was committed
# while that digest ran is not lost (the delivery table removes what was already announced).
DIGEST_OVERLAP = timedelta(minutes=10)
# Never look further back than this, whatever the date of the previous digest.
DIGEST_MAX_WINDOW = timedelta(days=31)
# A scheduled run hands over to a new task after this many seconds (the worker's timeout is 120 s).
DIGEST_TIME_BUDGET = 60
