"""Exit statuses of the commands, in one place so every command agrees.

A cron job must be able to tell a clean run from a partial one: 0 every input coded (or
skipped as already stored), 1 nothing could be coded, 2 some inputs failed (the rest is
coded and stored), 64 a usage error (sysexits.h EX_USAGE; Click's own 2 would be mistaken
for "some inputs failed").
"""
EXIT_NOTHING_CODED = 1
EXIT_SOME_FAILED = 2
EXIT_USAGE = 64
