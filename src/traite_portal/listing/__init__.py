"""Listings of many catalog results, one sorted batch at a time."""
