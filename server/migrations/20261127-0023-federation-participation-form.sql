-- Federation (issue 20): a released unified action's participation survey in this union
-- (forms.id, created with the notice); the count reported upward is its 参加する answers
-- unless an officer typed a count (link_inbox.participation, a paper tally), which wins.
ALTER TABLE link_inbox ADD COLUMN participation_form TEXT REFERENCES forms(id);
