-- The five benchmark checks in DuckDB SQL over the canonical CSV tables of `zhurnal generate`.
-- `{glob}` is replaced by the driver with the institution folder(s): `DIR` for small/college,
-- `DIR/school-*` for district. Each table gets `inst` (its folder) so that schools never mix.
-- Definitions (identical in pandas_checks.py and in the expected counts from ground_truth.csv):
--  1 marks entered after the lesson day: the value holds a mark digit 1-5 and date(Внесено) > Дата урока
--  2 test marks later than 3 days: Вид работы = «контрольная работа», date(Внесено) - Дата урока > 3 days
--  3 absence letters other than «н»: a value with no digit that is not «н»
--  4 fewer than 3 marks per student per quarter/semester: every student × load subject (own subgroup)
--    × term the student was in the group for the whole of (Зачислен on or before its first day, no
--    Выбыл or Выбыл on or after its last day), counting cells that are exactly one mark, with or
--    without a sign («5», «4-», «5+», «5!»; not «н5», not a letter). Students who joined or left
--    in the middle of a term are not judged for it: their marks cover part of the term only (the
--    same as oosh14 п. 4.5 and the generator's `too_few_marks`, whose mid-term dates are at least
--    three weeks inside the term).
--  5 lessons without a topic

CREATE TEMP TABLE marks AS
SELECT regexp_replace(filename, '/[^/]*$', '') AS inst, "Группа" AS g, "Предмет" AS subj,
       strptime("Дата урока", '%d.%m.%Y')::DATE AS d, "Обучающийся" AS st, coalesce("Значение", '') AS v,
       coalesce("Вид работы", '') AS wt, strptime("Внесено", '%d.%m.%Y %H:%M')::DATE AS entered
FROM read_csv('{glob}/отметки.csv', delim = ';', header = true, all_varchar = true, filename = true);

CREATE TEMP TABLE lessons AS
SELECT regexp_replace(filename, '/[^/]*$', '') AS inst, coalesce("Тема", '') AS topic
FROM read_csv('{glob}/занятия.csv', delim = ';', header = true, all_varchar = true, filename = true);

CREATE TEMP TABLE students AS
SELECT regexp_replace(filename, '/[^/]*$', '') AS inst, "Группа" AS g, "Обучающийся" AS st,
       coalesce("Подгруппа", '') AS sub, strptime("Зачислен", '%d.%m.%Y')::DATE AS enrolled,
       strptime("Выбыл", '%d.%m.%Y')::DATE AS left_on
FROM read_csv('{glob}/обучающиеся.csv', delim = ';', header = true, all_varchar = true, filename = true);

CREATE TEMP TABLE load AS
SELECT regexp_replace(filename, '/[^/]*$', '') AS inst, "Группа" AS g, coalesce("Подгруппа", '') AS sub, "Предмет" AS subj
FROM read_csv('{glob}/нагрузка.csv', delim = ';', header = true, all_varchar = true, filename = true);

CREATE TEMP TABLE terms AS
SELECT regexp_replace(filename, '/[^/]*$', '') AS inst, "Период" AS term,
       strptime("Начало", '%d.%m.%Y')::DATE AS t_start, strptime("Окончание", '%d.%m.%Y')::DATE AS t_end
FROM read_csv('{glob}/периоды.csv', delim = ';', header = true, all_varchar = true, filename = true)
WHERE "Вид" IN ('четверть', 'семестр', 'триместр', 'полугодие');

-- check 1
SELECT count(*) FROM marks WHERE regexp_matches(v, '[1-5]') AND entered > d;

-- check 2
SELECT count(*) FROM marks WHERE wt = 'контрольная работа' AND date_diff('day', d, entered) > 3;

-- check 3
SELECT count(*) FROM marks WHERE v <> '' AND NOT regexp_matches(v, '[0-9]') AND lower(v) <> 'н';

-- check 4
WITH expected AS (
    SELECT s.inst, s.g, l.subj, s.st, t.term
    FROM students s
    JOIN load l ON l.inst = s.inst AND l.g = s.g AND (l.sub = '' OR l.sub = s.sub)
    JOIN terms t ON t.inst = s.inst AND s.enrolled <= t.t_start AND (s.left_on IS NULL OR s.left_on >= t.t_end)
), counted AS (
    SELECT m.inst, m.g, m.subj, m.st, t.term, count(*) AS n
    FROM marks m JOIN terms t ON t.inst = m.inst AND m.d BETWEEN t.t_start AND t.t_end
    WHERE regexp_matches(m.v, '^[1-5][-+!]?$')
    GROUP BY ALL
)
SELECT count(*) FROM expected e LEFT JOIN counted c USING (inst, g, subj, st, term) WHERE coalesce(c.n, 0) < 3;

-- check 5
SELECT count(*) FROM lessons WHERE trim(topic) = '';
