-- The limits of the nomination form (cn.zhengji.nomination.NominationRules), counted as the notice
-- counts 字数: line breaks do not count (a browser sends each as CR LF). The form checks them first
-- with a message per field; these constraints keep any other writer within them too.
alter table entry_nomination drop constraint entry_nomination_reasons_ck;
alter table entry_nomination
    add constraint entry_nomination_reasons_ck check (char_length(translate(reasons, E'\r\n', '')) <= 1500),
    add constraint entry_nomination_profile_ck check (char_length(translate(profile, E'\r\n', '')) <= 500),
    add constraint entry_nomination_unit_and_position_ck check (char_length(translate(unit_and_position, E'\r\n', '')) <= 60),
    add constraint entry_nomination_short_texts_ck check (
        char_length(translate(name, E'\r\n', '')) <= 30
        and char_length(translate(political_status, E'\r\n', '')) <= 30
        and char_length(translate(account_name, E'\r\n', '')) <= 30
        and char_length(translate(platform, E'\r\n', '')) <= 30
        and char_length(translate(followers, E'\r\n', '')) <= 30);
