-- R-SUB-3, R-APR-1 The one place of the rule "judgement items still open": the items the entry's
-- category lists that the first level has not answered yet. The queue (which boxes it offers) and
-- the batch approval (which entries it refuses) both read this view.
create view entry_open_judgement as
select e.id as entry_id,
       greatest(0, jsonb_array_length(coalesce(k.rules -> 'judgements', '[]'::jsonb))
           - (select count(*) from entry_judgement j where j.entry_id = e.id))::int as open_judgements
from entry e join campaign_category k on k.id = e.category_id;
