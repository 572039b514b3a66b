-- Scene transcripts show each post's avatar, dice rolls and image links. Posts logged before this
-- migration have none: a NULL avatar and empty lists.
ALTER TABLE posts
    ADD COLUMN avatar_url text,
    ADD COLUMN rolls      text[] NOT NULL DEFAULT '{}',
    ADD COLUMN images     text[] NOT NULL DEFAULT '{}';
