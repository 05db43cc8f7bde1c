"""The synthetic demo post: the Embassy of Kazakhstan in Seoul, with invented citizens only."""
