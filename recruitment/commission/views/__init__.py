"""Commission screens in the extranet (mounted under /extranet/commission/ by wagtail_hooks), by responsibility.

Every view checks a permission of recruitment.commission.perms on the server and reads its objects
through a `*_for(user)` scope: an object outside the scope answers 404, a screen the user may not use 403.
"""
