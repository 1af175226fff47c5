-- A digest Discord refused (the channel closed to the bot, or the message itself refused)
-- is kept with the reason, so /digest preview can say it was not delivered and /digest set
-- can post it again once the channel is fixed (issue 20, item 9). 'dropped' rows keep
-- their state name; before this they had no reason.
ALTER TABLE digest_posts ADD COLUMN reason TEXT;
UPDATE digest_posts SET reason = 'Discord refused the channel' WHERE state = 'dropped';
