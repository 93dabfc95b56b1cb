-- Issue 11 item 8: the per-union limit on recording offline events counts a union's events of one
-- campaign over the last hour and day (activity.EventRateLimit); this index answers it as a range.
create index offline_event_reported_ix on offline_event (organisation_id, campaign_id, reported_at);
