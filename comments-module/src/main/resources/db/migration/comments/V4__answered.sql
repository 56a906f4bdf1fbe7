-- The comment a reply answers, when the thread's depth limit hung the reply higher up (under an
-- ancestor): the answered comment's subscribers are the ones to tell. NULL when the reply hangs
-- under the comment it answers (parent_id), or for a new thread. Same script for H2 and PostgreSQL.
ALTER TABLE comments_comment ADD COLUMN answered_id BIGINT;
