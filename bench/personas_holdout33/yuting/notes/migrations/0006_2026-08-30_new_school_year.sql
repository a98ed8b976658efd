-- 0006  2026-08-30  new school year (starts 2026-09-01)
-- Pin-Yen is in grade 3 now: classes were reshuffled, new class and new homeroom teacher.
UPDATE people SET note = 'grade 3 at Bo''ai Elementary 博愛國小, class 305 (三年5班)' WHERE id = 2;
UPDATE kids_school SET detail = 'Mr. Lai Chun-Yi 賴俊毅老師 (class 305), messages through the 聯絡簿 and the class LINE group' WHERE id = 1;
-- Piano moved, Ms. Ho has a new job on weekday evenings.
UPDATE kids_school SET detail = 'Saturday 10:00 with Ms. Ho, NT$ 1,000 per lesson' WHERE id = 3;
-- Pin-Jui moved up to K2: Giraffe class 長頸鹿班, new teacher.
UPDATE people SET note = 'Little Sun Kindergarten 小太陽幼兒園, K2 Giraffe class 長頸鹿班' WHERE id = 3;
UPDATE kids_school SET item = 'kindergarten teacher', detail = 'Ms. Cheng Ya-Ling 鄭雅玲老師, Giraffe class (Ms. Wu stayed with the Rabbit class)' WHERE id = 4;
