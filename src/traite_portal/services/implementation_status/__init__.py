"""``@implementation-status``: a measure's status and its timeline."""
