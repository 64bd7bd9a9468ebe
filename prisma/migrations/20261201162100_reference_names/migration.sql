-- AlterTable
ALTER TABLE "Facility" ADD COLUMN     "names" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "names" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Court" ADD COLUMN     "names" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "names" JSONB NOT NULL DEFAULT '{}';


-- The reference rows earlier migrations shipped get their names in Thai,
-- Korean and Vietnamese; rows an administrator added keep '{}' (shown by
-- their English name) until named under Settings.
UPDATE "Facility" SET "names" = '{"th": "สถานกักตัวคนต่างด้าว กรุงเทพมหานคร (สวนพลู)", "ko": "방콕 이민자 수용소 (수안플루)", "vi": "Trung tâm tạm giữ di trú Bangkok (Suan Phlu)"}'::jsonb WHERE "name" = 'Bangkok Immigration Detention Center (Suan Phlu)';
UPDATE "Facility" SET "names" = '{"th": "สถานกักตัวคนต่างด้าว จังหวัดเชียงราย", "ko": "치앙라이 이민자 수용소", "vi": "Trung tâm tạm giữ di trú Chiang Rai"}'::jsonb WHERE "name" = 'Chiang Rai Immigration Detention Center';
UPDATE "Facility" SET "names" = '{"th": "สถานกักตัวคนต่างด้าว จังหวัดหนองคาย", "ko": "농카이 이민자 수용소", "vi": "Trung tâm tạm giữ di trú Nong Khai"}'::jsonb WHERE "name" = 'Nong Khai Immigration Detention Center';
UPDATE "Facility" SET "names" = '{"th": "สถานกักตัวคนต่างด้าว สะเดา (สงขลา)", "ko": "사다오 이민자 수용소 (송클라)", "vi": "Trung tâm tạm giữ di trú Sadao (Songkhla)"}'::jsonb WHERE "name" = 'Sadao Immigration Detention Center (Songkhla)';
UPDATE "Facility" SET "names" = '{"th": "สถานีตำรวจภูธรเชียงแสน", "ko": "치앙샌 경찰서", "vi": "Đồn cảnh sát Chiang Saen"}'::jsonb WHERE "name" = 'Chiang Saen Police Station';
UPDATE "Facility" SET "names" = '{"th": "สถานีตำรวจภูธรเชียงของ", "ko": "치앙콩 경찰서", "vi": "Đồn cảnh sát Chiang Khong"}'::jsonb WHERE "name" = 'Chiang Khong Police Station';
UPDATE "Facility" SET "names" = '{"th": "สถานีตำรวจภูธรแม่สาย", "ko": "매사이 경찰서", "vi": "Đồn cảnh sát Mae Sai"}'::jsonb WHERE "name" = 'Mae Sai Police Station';
UPDATE "Facility" SET "names" = '{"th": "เรือนจำพิเศษกรุงเทพมหานคร", "ko": "방콕 구치소", "vi": "Trại tạm giam Bangkok"}'::jsonb WHERE "name" = 'Bangkok Remand Prison';
UPDATE "Court" SET "names" = '{"th": "ศาลอาญา (กรุงเทพฯ)", "ko": "형사법원 (방콕)", "vi": "Tòa án Hình sự (Bangkok)"}'::jsonb WHERE "name" = 'Criminal Court (Bangkok)';
UPDATE "Court" SET "names" = '{"th": "ศาลอาญากรุงเทพใต้", "ko": "방콕 남부 형사법원", "vi": "Tòa án Hình sự Nam Bangkok"}'::jsonb WHERE "name" = 'Bangkok South Criminal Court';
UPDATE "Court" SET "names" = '{"th": "ศาลจังหวัดเชียงราย", "ko": "치앙라이 지방법원", "vi": "Tòa án tỉnh Chiang Rai"}'::jsonb WHERE "name" = 'Chiang Rai Provincial Court';
UPDATE "Court" SET "names" = '{"th": "ศาลจังหวัดหนองคาย", "ko": "농카이 지방법원", "vi": "Tòa án tỉnh Nong Khai"}'::jsonb WHERE "name" = 'Nong Khai Provincial Court';
UPDATE "Court" SET "names" = '{"th": "ศาลอุทธรณ์", "ko": "항소법원", "vi": "Tòa Phúc thẩm"}'::jsonb WHERE "name" = 'Court of Appeal';
UPDATE "Court" SET "names" = '{"th": "ศาลฎีกา", "ko": "대법원", "vi": "Tòa án Tối cao"}'::jsonb WHERE "name" = 'Supreme Court';
UPDATE "Court" SET "names" = '{"th": "สำนักงานตรวจคนเข้าเมือง", "ko": "이민국", "vi": "Cục Xuất nhập cảnh"}'::jsonb WHERE "name" = 'Immigration Bureau';
UPDATE "Programme" SET "names" = '{"th": "โครงการรับผู้ลี้ภัยของสหรัฐอเมริกา (USRAP)", "ko": "미국 난민 수용 프로그램 (USRAP)", "vi": "Chương trình Tiếp nhận Người tị nạn Hoa Kỳ (USRAP)"}'::jsonb WHERE "name" = 'USRAP';
UPDATE "Programme" SET "names" = '{"th": "แคนาดา: ผู้ลี้ภัยที่รัฐบาลให้การช่วยเหลือ", "ko": "캐나다 정부 지원 난민", "vi": "Ca-na-đa: Người tị nạn do Chính phủ hỗ trợ"}'::jsonb WHERE "name" = 'Canada Government-Assisted Refugees';
UPDATE "Programme" SET "names" = '{"th": "แคนาดา: การอุปถัมภ์โดยภาคเอกชน", "ko": "캐나다 민간 후원", "vi": "Ca-na-đa: Bảo trợ tư nhân"}'::jsonb WHERE "name" = 'Canada Private Sponsorship';
UPDATE "Programme" SET "names" = '{"th": "โครงการด้านมนุษยธรรมของออสเตรเลีย", "ko": "호주 인도주의 프로그램", "vi": "Chương trình Nhân đạo Úc"}'::jsonb WHERE "name" = 'Australia Humanitarian Program';
UPDATE "Programme" SET "names" = '{"th": "โควตาผู้ลี้ภัยของนิวซีแลนด์", "ko": "뉴질랜드 난민 할당 프로그램", "vi": "Hạn ngạch Người tị nạn Niu Di-lân"}'::jsonb WHERE "name" = 'New Zealand Refugee Quota';
