-- A watch on an official who was deleted, or merged into another before merges moved
-- watches (issue 20, item 7), never fired again and said nothing. It is shown paused, with
-- the reason, from now on.
UPDATE watches
   SET paused_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
       paused_reason = 'the official it follows was deleted or merged into another'
 WHERE paused_at IS NULL AND official_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM officials o WHERE o.id = watches.official_id AND o.deleted_at IS NULL);
