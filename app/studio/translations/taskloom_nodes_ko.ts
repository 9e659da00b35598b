<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
  <context>
    <name>NodeSpec</name>
    <message>
      <source>AI</source>
      <translation>AI</translation>
    </message>
    <message>
      <source>Browser</source>
      <translation>브라우저</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>코드</translation>
    </message>
    <message>
      <source>Connectors</source>
      <translation>커넥터</translation>
    </message>
    <message>
      <source>Desktop</source>
      <translation>데스크톱</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>문서</translation>
    </message>
    <message>
      <source>Files</source>
      <translation>파일</translation>
    </message>
    <message>
      <source>Flow</source>
      <translation>플로</translation>
    </message>
    <message>
      <source>Transform</source>
      <translation>변환</translation>
    </message>
    <message>
      <source>Triggers</source>
      <translation>트리거</translation>
    </message>
    <message>
      <source>Ask a model</source>
      <translation>모델에 질문</translation>
    </message>
    <message>
      <source>Classify</source>
      <translation>분류</translation>
    </message>
    <message>
      <source>Extract fields</source>
      <translation>필드 추출</translation>
    </message>
    <message>
      <source>Summarize</source>
      <translation>요약</translation>
    </message>
    <message>
      <source>Click element</source>
      <translation>요소 클릭</translation>
    </message>
    <message>
      <source>Close page</source>
      <translation>페이지 닫기</translation>
    </message>
    <message>
      <source>Cookies</source>
      <translation>쿠키</translation>
    </message>
    <message>
      <source>Download file</source>
      <translation>파일 다운로드</translation>
    </message>
    <message>
      <source>Extract from page</source>
      <translation>페이지에서 추출</translation>
    </message>
    <message>
      <source>Open page</source>
      <translation>페이지 열기</translation>
    </message>
    <message>
      <source>Page screenshot</source>
      <translation>페이지 스크린샷</translation>
    </message>
    <message>
      <source>Run JavaScript</source>
      <translation>JavaScript 실행</translation>
    </message>
    <message>
      <source>Save page as PDF</source>
      <translation>페이지를 PDF로 저장</translation>
    </message>
    <message>
      <source>Select option</source>
      <translation>옵션 선택</translation>
    </message>
    <message>
      <source>Type into field</source>
      <translation>필드에 입력</translation>
    </message>
    <message>
      <source>Wait for element</source>
      <translation>요소 기다리기</translation>
    </message>
    <message>
      <source>Lua Code</source>
      <translation>Lua 코드</translation>
    </message>
    <message>
      <source>Chat message</source>
      <translation>채팅 메시지</translation>
    </message>
    <message>
      <source>HTML extract</source>
      <translation>HTML 추출</translation>
    </message>
    <message>
      <source>HTTP request</source>
      <translation>HTTP 요청</translation>
    </message>
    <message>
      <source>Read e-mail (IMAP)</source>
      <translation>이메일 읽기 (IMAP)</translation>
    </message>
    <message>
      <source>RSS / Atom feed</source>
      <translation>RSS / Atom 피드</translation>
    </message>
    <message>
      <source>Run program</source>
      <translation>프로그램 실행</translation>
    </message>
    <message>
      <source>Send e-mail</source>
      <translation>이메일 보내기</translation>
    </message>
    <message>
      <source>SQL</source>
      <translation>SQL</translation>
    </message>
    <message>
      <source>Activate window</source>
      <translation>창 활성화</translation>
    </message>
    <message>
      <source>Click</source>
      <translation>클릭</translation>
    </message>
    <message>
      <source>Clipboard get</source>
      <translation>클립보드 가져오기</translation>
    </message>
    <message>
      <source>Clipboard set</source>
      <translation>클립보드 설정</translation>
    </message>
    <message>
      <source>Close application</source>
      <translation>애플리케이션 닫기</translation>
    </message>
    <message>
      <source>Drag</source>
      <translation>드래그</translation>
    </message>
    <message>
      <source>Find image</source>
      <translation>이미지 찾기</translation>
    </message>
    <message>
      <source>Input dialog</source>
      <translation>입력 대화 상자</translation>
    </message>
    <message>
      <source>Launch application</source>
      <translation>애플리케이션 실행</translation>
    </message>
    <message>
      <source>Message dialog</source>
      <translation>메시지 대화 상자</translation>
    </message>
    <message>
      <source>Press keys</source>
      <translation>키 누르기</translation>
    </message>
    <message>
      <source>Read text on screen</source>
      <translation>화면의 텍스트 읽기</translation>
    </message>
    <message>
      <source>Run macro</source>
      <translation>매크로 실행</translation>
    </message>
    <message>
      <source>Screenshot</source>
      <translation>스크린샷</translation>
    </message>
    <message>
      <source>Scroll</source>
      <translation>스크롤</translation>
    </message>
    <message>
      <source>Type secret</source>
      <translation>비밀 입력</translation>
    </message>
    <message>
      <source>Type text</source>
      <translation>텍스트 입력</translation>
    </message>
    <message>
      <source>Wait for image</source>
      <translation>이미지 기다리기</translation>
    </message>
    <message>
      <source>Wait for text</source>
      <translation>텍스트 기다리기</translation>
    </message>
    <message>
      <source>Wait for window</source>
      <translation>창 기다리기</translation>
    </message>
    <message>
      <source>Extract ID Document</source>
      <translation>신분증 추출</translation>
    </message>
    <message>
      <source>Extract Invoice</source>
      <translation>청구서 추출</translation>
    </message>
    <message>
      <source>Extract Receipt</source>
      <translation>영수증 추출</translation>
    </message>
    <message>
      <source>OCR Text</source>
      <translation>OCR 텍스트</translation>
    </message>
    <message>
      <source>Read CSV</source>
      <translation>CSV 읽기</translation>
    </message>
    <message>
      <source>Read Files</source>
      <translation>파일 읽기</translation>
    </message>
    <message>
      <source>Read JSON</source>
      <translation>JSON 읽기</translation>
    </message>
    <message>
      <source>Read spreadsheet (.xlsx)</source>
      <translation>스프레드시트 읽기 (.xlsx)</translation>
    </message>
    <message>
      <source>Write CSV</source>
      <translation>CSV 쓰기</translation>
    </message>
    <message>
      <source>Write File</source>
      <translation>파일 쓰기</translation>
    </message>
    <message>
      <source>Write JSON</source>
      <translation>JSON 쓰기</translation>
    </message>
    <message>
      <source>Write spreadsheet (.xlsx)</source>
      <translation>스프레드시트 쓰기 (.xlsx)</translation>
    </message>
    <message>
      <source>If</source>
      <translation>조건</translation>
    </message>
    <message>
      <source>Log</source>
      <translation>로그</translation>
    </message>
    <message>
      <source>Loop Over Items</source>
      <translation>항목 반복</translation>
    </message>
    <message>
      <source>Merge</source>
      <translation>병합</translation>
    </message>
    <message>
      <source>No Operation</source>
      <translation>아무 작업 없음</translation>
    </message>
    <message>
      <source>Run Sub-flow</source>
      <translation>하위 플로 실행</translation>
    </message>
    <message>
      <source>Stop with Error</source>
      <translation>오류로 중지</translation>
    </message>
    <message>
      <source>Switch</source>
      <translation>분기</translation>
    </message>
    <message>
      <source>Wait</source>
      <translation>대기</translation>
    </message>
    <message>
      <source>Aggregate</source>
      <translation>집계</translation>
    </message>
    <message>
      <source>Date &amp; Time</source>
      <translation>날짜 및 시간</translation>
    </message>
    <message>
      <source>Extract with Regex</source>
      <translation>정규식으로 추출</translation>
    </message>
    <message>
      <source>Filter</source>
      <translation>필터</translation>
    </message>
    <message>
      <source>JSON Stringify</source>
      <translation>JSON 문자열로</translation>
    </message>
    <message>
      <source>Limit</source>
      <translation>개수 제한</translation>
    </message>
    <message>
      <source>Parse JSON</source>
      <translation>JSON 파싱</translation>
    </message>
    <message>
      <source>Remove Duplicates</source>
      <translation>중복 제거</translation>
    </message>
    <message>
      <source>Remove Fields</source>
      <translation>필드 제거</translation>
    </message>
    <message>
      <source>Rename Fields</source>
      <translation>필드 이름 변경</translation>
    </message>
    <message>
      <source>Set Fields</source>
      <translation>필드 설정</translation>
    </message>
    <message>
      <source>Sort</source>
      <translation>정렬</translation>
    </message>
    <message>
      <source>Split Out</source>
      <translation>펼치기</translation>
    </message>
    <message>
      <source>File Watch Trigger</source>
      <translation>파일 감시 트리거</translation>
    </message>
    <message>
      <source>Manual Trigger</source>
      <translation>수동 트리거</translation>
    </message>
    <message>
      <source>Schedule Trigger</source>
      <translation>일정 트리거</translation>
    </message>
    <message>
      <source>Webhook Trigger</source>
      <translation>웹훅 트리거</translation>
    </message>
    <message>
      <source>In</source>
      <translation>입력</translation>
    </message>
    <message>
      <source>Out</source>
      <translation>출력</translation>
    </message>
    <message>
      <source>Input</source>
      <translation>입력</translation>
    </message>
    <message>
      <source>Output</source>
      <translation>출력</translation>
    </message>
    <message>
      <source>Response</source>
      <translation>응답</translation>
    </message>
    <message>
      <source>Messages</source>
      <translation>메시지</translation>
    </message>
    <message>
      <source>Entries</source>
      <translation>항목</translation>
    </message>
    <message>
      <source>Rows</source>
      <translation>행</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>항목</translation>
    </message>
    <message>
      <source>True</source>
      <translation>참</translation>
    </message>
    <message>
      <source>False</source>
      <translation>거짓</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>반환</translation>
    </message>
    <message>
      <source>Loop</source>
      <translation>반복</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>완료</translation>
    </message>
    <message>
      <source>Input 1</source>
      <translation>입력 1</translation>
    </message>
    <message>
      <source>Input 2</source>
      <translation>입력 2</translation>
    </message>
    <message>
      <source>Kept</source>
      <translation>유지됨</translation>
    </message>
    <message>
      <source>Prompt</source>
      <translation>프롬프트</translation>
    </message>
    <message>
      <source>Output field</source>
      <translation>출력 필드</translation>
    </message>
    <message>
      <source>Server credential</source>
      <translation>서버 자격 증명</translation>
    </message>
    <message>
      <source>Base URL</source>
      <translation>기본 URL</translation>
    </message>
    <message>
      <source>Model</source>
      <translation>모델</translation>
    </message>
    <message>
      <source>Temperature</source>
      <translation>온도</translation>
    </message>
    <message>
      <source>Max tokens</source>
      <translation>최대 토큰</translation>
    </message>
    <message>
      <source>System prompt</source>
      <translation>시스템 프롬프트</translation>
    </message>
    <message>
      <source>Timeout (s)</source>
      <translation>제한 시간 (초)</translation>
    </message>
    <message>
      <source>Stream</source>
      <translation>스트리밍</translation>
    </message>
    <message>
      <source>Text field</source>
      <translation>텍스트 필드</translation>
    </message>
    <message>
      <source>Text attachment</source>
      <translation>텍스트 첨부</translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>레이블</translation>
    </message>
    <message>
      <source>Instructions</source>
      <translation>지시 사항</translation>
    </message>
    <message>
      <source>Repair attempts</source>
      <translation>수정 시도 횟수</translation>
    </message>
    <message>
      <source>JSON Schema</source>
      <translation>JSON 스키마</translation>
    </message>
    <message>
      <source>JSON mode</source>
      <translation>JSON 모드</translation>
    </message>
    <message>
      <source>Style</source>
      <translation>스타일</translation>
    </message>
    <message>
      <source>One paragraph</source>
      <translation>한 문단</translation>
    </message>
    <message>
      <source>Bullet points</source>
      <translation>글머리 기호</translation>
    </message>
    <message>
      <source>Headline</source>
      <translation>헤드라인</translation>
    </message>
    <message>
      <source>Length in</source>
      <translation>길이 단위</translation>
    </message>
    <message>
      <source>Sentences</source>
      <translation>문장</translation>
    </message>
    <message>
      <source>Characters</source>
      <translation>글자</translation>
    </message>
    <message>
      <source>Chunk size (tokens)</source>
      <translation>청크 크기 (토큰)</translation>
    </message>
    <message>
      <source>Session</source>
      <translation>세션</translation>
    </message>
    <message>
      <source>Timeout (seconds)</source>
      <translation>제한 시간 (초)</translation>
    </message>
    <message>
      <source>CSS selector</source>
      <translation>CSS 선택자</translation>
    </message>
    <message>
      <source>Which match</source>
      <translation>몇 번째 일치</translation>
    </message>
    <message>
      <source>Wait for a page it opens</source>
      <translation>열리는 페이지 기다리기</translation>
    </message>
    <message>
      <source>Operation</source>
      <translation>작업</translation>
    </message>
    <message>
      <source>Get</source>
      <translation>가져오기</translation>
    </message>
    <message>
      <source>Set</source>
      <translation>설정</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>삭제</translation>
    </message>
    <message>
      <source>For URL</source>
      <translation>URL</translation>
    </message>
    <message>
      <source>All sites</source>
      <translation>모든 사이트</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>이름</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>값</translation>
    </message>
    <message>
      <source>Domain</source>
      <translation>도메인</translation>
    </message>
    <message>
      <source>Path</source>
      <translation>경로</translation>
    </message>
    <message>
      <source>Expires in (days)</source>
      <translation>만료 (일)</translation>
    </message>
    <message>
      <source>HTTPS only</source>
      <translation>HTTPS 전용</translation>
    </message>
    <message>
      <source>Hidden from scripts</source>
      <translation>스크립트에서 숨김</translation>
    </message>
    <message>
      <source>URL</source>
      <translation>URL</translation>
    </message>
    <message>
      <source>Or click</source>
      <translation>또는 클릭</translation>
    </message>
    <message>
      <source>Save to</source>
      <translation>저장 위치</translation>
    </message>
    <message>
      <source>Attachment name</source>
      <translation>첨부 이름</translation>
    </message>
    <message>
      <source>Extract</source>
      <translation>추출</translation>
    </message>
    <message>
      <source>Elements</source>
      <translation>요소</translation>
    </message>
    <message>
      <source>Table rows</source>
      <translation>표의 행</translation>
    </message>
    <message>
      <source>Item selector</source>
      <translation>항목 선택자</translation>
    </message>
    <message>
      <source>Values</source>
      <translation>값</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>필드</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>텍스트</translation>
    </message>
    <message>
      <source>Inner HTML</source>
      <translation>내부 HTML</translation>
    </message>
    <message>
      <source>Outer HTML</source>
      <translation>외부 HTML</translation>
    </message>
    <message>
      <source>Attribute</source>
      <translation>속성</translation>
    </message>
    <message>
      <source>Form field value</source>
      <translation>폼 필드 값</translation>
    </message>
    <message>
      <source>All matches (a list)</source>
      <translation>모든 일치 (목록)</translation>
    </message>
    <message>
      <source>Table selector</source>
      <translation>표 선택자</translation>
    </message>
    <message>
      <source>First row is the header</source>
      <translation>첫 행은 머리글</translation>
    </message>
    <message>
      <source>Keep input fields</source>
      <translation>입력 필드 유지</translation>
    </message>
    <message>
      <source>When a selector matches nothing</source>
      <translation>선택자가 아무것도 찾지 못할 때</translation>
    </message>
    <message>
      <source>Fail</source>
      <translation>실패</translation>
    </message>
    <message>
      <source>Continue</source>
      <translation>계속</translation>
    </message>
    <message>
      <source>Profile</source>
      <translation>프로필</translation>
    </message>
    <message>
      <source>Wait until</source>
      <translation>기다릴 조건</translation>
    </message>
    <message>
      <source>The page has loaded</source>
      <translation>페이지가 로드될 때까지</translation>
    </message>
    <message>
      <source>Do not wait</source>
      <translation>기다리지 않음</translation>
    </message>
    <message>
      <source>Window width</source>
      <translation>창 너비</translation>
    </message>
    <message>
      <source>Window height</source>
      <translation>창 높이</translation>
    </message>
    <message>
      <source>Visible</source>
      <translation>보임</translation>
    </message>
    <message>
      <source>Whole page</source>
      <translation>페이지 전체</translation>
    </message>
    <message>
      <source>Only the element</source>
      <translation>요소만</translation>
    </message>
    <message>
      <source>JavaScript</source>
      <translation>JavaScript</translation>
    </message>
    <message>
      <source>Run in</source>
      <translation>실행 위치</translation>
    </message>
    <message>
      <source>The page</source>
      <translation>페이지</translation>
    </message>
    <message>
      <source>An isolated world</source>
      <translation>격리된 환경</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>용지</translation>
    </message>
    <message>
      <source>A4</source>
      <translation>A4</translation>
    </message>
    <message>
      <source>Letter</source>
      <translation>Letter</translation>
    </message>
    <message>
      <source>Legal</source>
      <translation>Legal</translation>
    </message>
    <message>
      <source>A3</source>
      <translation>A3</translation>
    </message>
    <message>
      <source>Landscape</source>
      <translation>가로 방향</translation>
    </message>
    <message>
      <source>Options</source>
      <translation>옵션</translation>
    </message>
    <message>
      <source>Match by</source>
      <translation>일치 기준</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>레이블</translation>
    </message>
    <message>
      <source>Replace what is there</source>
      <translation>기존 내용 바꾸기</translation>
    </message>
    <message>
      <source>Press Enter</source>
      <translation>Enter 누르기</translation>
    </message>
    <message>
      <source>Until it is</source>
      <translation>다음 상태까지</translation>
    </message>
    <message>
      <source>In the page</source>
      <translation>페이지에 있음</translation>
    </message>
    <message>
      <source>Hidden or gone</source>
      <translation>숨겨지거나 사라짐</translation>
    </message>
    <message>
      <source>Gone from the page</source>
      <translation>페이지에서 사라짐</translation>
    </message>
    <message>
      <source>Lua code</source>
      <translation>Lua 코드</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>모드</translation>
    </message>
    <message>
      <source>Once for all items</source>
      <translation>모든 항목에 대해 한 번</translation>
    </message>
    <message>
      <source>Once per item</source>
      <translation>항목마다 한 번</translation>
    </message>
    <message>
      <source>Credential</source>
      <translation>자격 증명</translation>
    </message>
    <message>
      <source>Service</source>
      <translation>서비스</translation>
    </message>
    <message>
      <source>Slack</source>
      <translation>Slack</translation>
    </message>
    <message>
      <source>Microsoft Teams</source>
      <translation>Microsoft Teams</translation>
    </message>
    <message>
      <source>Other (JSON)</source>
      <translation>기타 (JSON)</translation>
    </message>
    <message>
      <source>Webhook</source>
      <translation>웹훅</translation>
    </message>
    <message>
      <source>Webhook URL</source>
      <translation>웹훅 URL</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>제목</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>메시지</translation>
    </message>
    <message>
      <source>Custom JSON</source>
      <translation>사용자 지정 JSON</translation>
    </message>
    <message>
      <source>HTML from</source>
      <translation>HTML 출처</translation>
    </message>
    <message>
      <source>A text field</source>
      <translation>텍스트 필드</translation>
    </message>
    <message>
      <source>A binary attachment</source>
      <translation>바이너리 첨부</translation>
    </message>
    <message>
      <source>Binary</source>
      <translation>바이너리</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>메서드</translation>
    </message>
    <message>
      <source>GET</source>
      <translation>GET</translation>
    </message>
    <message>
      <source>POST</source>
      <translation>POST</translation>
    </message>
    <message>
      <source>PUT</source>
      <translation>PUT</translation>
    </message>
    <message>
      <source>PATCH</source>
      <translation>PATCH</translation>
    </message>
    <message>
      <source>DELETE</source>
      <translation>DELETE</translation>
    </message>
    <message>
      <source>HEAD</source>
      <translation>HEAD</translation>
    </message>
    <message>
      <source>OPTIONS</source>
      <translation>OPTIONS</translation>
    </message>
    <message>
      <source>Query parameters</source>
      <translation>쿼리 매개변수</translation>
    </message>
    <message>
      <source>Headers</source>
      <translation>헤더</translation>
    </message>
    <message>
      <source>Body</source>
      <translation>본문</translation>
    </message>
    <message>
      <source>None</source>
      <translation>없음</translation>
    </message>
    <message>
      <source>JSON</source>
      <translation>JSON</translation>
    </message>
    <message>
      <source>Form (URL-encoded)</source>
      <translation>폼 (URL 인코딩)</translation>
    </message>
    <message>
      <source>Multipart form (files)</source>
      <translation>멀티파트 폼 (파일)</translation>
    </message>
    <message>
      <source>Raw text</source>
      <translation>원시 텍스트</translation>
    </message>
    <message>
      <source>Binary attachment</source>
      <translation>바이너리 첨부</translation>
    </message>
    <message>
      <source>JSON body</source>
      <translation>JSON 본문</translation>
    </message>
    <message>
      <source>Form fields</source>
      <translation>폼 필드</translation>
    </message>
    <message>
      <source>Binary (multipart)</source>
      <translation>바이너리 (멀티파트)</translation>
    </message>
    <message>
      <source>Raw body</source>
      <translation>원시 본문</translation>
    </message>
    <message>
      <source>Content type</source>
      <translation>콘텐츠 유형</translation>
    </message>
    <message>
      <source>Binary to send</source>
      <translation>보낼 바이너리</translation>
    </message>
    <message>
      <source>Authentication</source>
      <translation>인증</translation>
    </message>
    <message>
      <source>Basic (user name and password)</source>
      <translation>Basic (사용자 이름과 비밀번호)</translation>
    </message>
    <message>
      <source>Bearer token</source>
      <translation>Bearer 토큰</translation>
    </message>
    <message>
      <source>API key in a header</source>
      <translation>헤더의 API 키</translation>
    </message>
    <message>
      <source>API key in the query</source>
      <translation>쿼리의 API 키</translation>
    </message>
    <message>
      <source>OAuth2 client credentials</source>
      <translation>OAuth2 클라이언트 자격 증명</translation>
    </message>
    <message>
      <source>OAuth2 authorization code (user sign-in)</source>
      <translation>OAuth2 인가 코드 (사용자 로그인)</translation>
    </message>
    <message>
      <source>Key header / parameter name</source>
      <translation>키 헤더 / 매개변수 이름</translation>
    </message>
    <message>
      <source>Response format</source>
      <translation>응답 형식</translation>
    </message>
    <message>
      <source>From Content-Type</source>
      <translation>Content-Type에 따라</translation>
    </message>
    <message>
      <source>File (binary)</source>
      <translation>파일 (바이너리)</translation>
    </message>
    <message>
      <source>Full response</source>
      <translation>전체 응답</translation>
    </message>
    <message>
      <source>Items path</source>
      <translation>항목 경로</translation>
    </message>
    <message>
      <source>Binary name</source>
      <translation>바이너리 이름</translation>
    </message>
    <message>
      <source>Succeed on error status</source>
      <translation>오류 상태여도 성공</translation>
    </message>
    <message>
      <source>Pagination</source>
      <translation>페이지 나누기</translation>
    </message>
    <message>
      <source>Off</source>
      <translation>끔</translation>
    </message>
    <message>
      <source>Next link</source>
      <translation>다음 링크</translation>
    </message>
    <message>
      <source>Page number</source>
      <translation>페이지 번호</translation>
    </message>
    <message>
      <source>Cursor</source>
      <translation>커서</translation>
    </message>
    <message>
      <source>Next link field</source>
      <translation>다음 링크 필드</translation>
    </message>
    <message>
      <source>Page parameter</source>
      <translation>페이지 매개변수</translation>
    </message>
    <message>
      <source>First page</source>
      <translation>첫 페이지</translation>
    </message>
    <message>
      <source>Cursor parameter</source>
      <translation>커서 매개변수</translation>
    </message>
    <message>
      <source>Cursor field</source>
      <translation>커서 필드</translation>
    </message>
    <message>
      <source>Max pages</source>
      <translation>최대 페이지</translation>
    </message>
    <message>
      <source>Follow redirects</source>
      <translation>리디렉션 따라가기</translation>
    </message>
    <message>
      <source>Max redirects</source>
      <translation>최대 리디렉션</translation>
    </message>
    <message>
      <source>Ignore TLS certificate errors</source>
      <translation>TLS 인증서 오류 무시</translation>
    </message>
    <message>
      <source>CA certificates (PEM)</source>
      <translation>CA 인증서 (PEM)</translation>
    </message>
    <message>
      <source>IMAP server</source>
      <translation>IMAP 서버</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>포트</translation>
    </message>
    <message>
      <source>Security</source>
      <translation>보안</translation>
    </message>
    <message>
      <source>TLS (port 993)</source>
      <translation>TLS (포트 993)</translation>
    </message>
    <message>
      <source>STARTTLS (port 143)</source>
      <translation>STARTTLS (포트 143)</translation>
    </message>
    <message>
      <source>None (local servers only)</source>
      <translation>없음 (로컬 서버 전용)</translation>
    </message>
    <message>
      <source>Login</source>
      <translation>로그인</translation>
    </message>
    <message>
      <source>OAuth2 sign-in</source>
      <translation>OAuth2 로그인</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>폴더</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>검색</translation>
    </message>
    <message>
      <source>Mark as read</source>
      <translation>읽음으로 표시</translation>
    </message>
    <message>
      <source>Max messages</source>
      <translation>최대 메시지</translation>
    </message>
    <message>
      <source>Attachments as binaries</source>
      <translation>첨부 파일을 바이너리로</translation>
    </message>
    <message>
      <source>Feed from</source>
      <translation>피드 출처</translation>
    </message>
    <message>
      <source>Feed URL</source>
      <translation>피드 URL</translation>
    </message>
    <message>
      <source>Max entries</source>
      <translation>최대 항목</translation>
    </message>
    <message>
      <source>Program</source>
      <translation>프로그램</translation>
    </message>
    <message>
      <source>Arguments</source>
      <translation>인수</translation>
    </message>
    <message>
      <source>Argument</source>
      <translation>인수</translation>
    </message>
    <message>
      <source>Working folder</source>
      <translation>작업 폴더</translation>
    </message>
    <message>
      <source>Extra environment</source>
      <translation>추가 환경 변수</translation>
    </message>
    <message>
      <source>Standard input</source>
      <translation>표준 입력</translation>
    </message>
    <message>
      <source>Fail on a non-zero exit code</source>
      <translation>0이 아닌 종료 코드면 실패</translation>
    </message>
    <message>
      <source>SMTP server</source>
      <translation>SMTP 서버</translation>
    </message>
    <message>
      <source>STARTTLS (port 587)</source>
      <translation>STARTTLS (포트 587)</translation>
    </message>
    <message>
      <source>TLS (port 465)</source>
      <translation>TLS (포트 465)</translation>
    </message>
    <message>
      <source>None (local relays only)</source>
      <translation>없음 (로컬 릴레이 전용)</translation>
    </message>
    <message>
      <source>From</source>
      <translation>보낸 사람</translation>
    </message>
    <message>
      <source>To</source>
      <translation>받는 사람</translation>
    </message>
    <message>
      <source>Cc</source>
      <translation>참조</translation>
    </message>
    <message>
      <source>Bcc</source>
      <translation>숨은 참조</translation>
    </message>
    <message>
      <source>Reply to</source>
      <translation>회신 주소</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>제목</translation>
    </message>
    <message>
      <source>HTML</source>
      <translation>HTML</translation>
    </message>
    <message>
      <source>Attach binaries</source>
      <translation>바이너리 첨부</translation>
    </message>
    <message>
      <source>Database</source>
      <translation>데이터베이스</translation>
    </message>
    <message>
      <source>SQLite</source>
      <translation>SQLite</translation>
    </message>
    <message>
      <source>PostgreSQL</source>
      <translation>PostgreSQL</translation>
    </message>
    <message>
      <source>Create the folder</source>
      <translation>폴더 만들기</translation>
    </message>
    <message>
      <source>Host</source>
      <translation>호스트</translation>
    </message>
    <message>
      <source>Connection options</source>
      <translation>연결 옵션</translation>
    </message>
    <message>
      <source>Run a query</source>
      <translation>쿼리 실행</translation>
    </message>
    <message>
      <source>Insert items</source>
      <translation>항목 삽입</translation>
    </message>
    <message>
      <source>Insert or update items</source>
      <translation>항목 삽입 또는 갱신</translation>
    </message>
    <message>
      <source>Query</source>
      <translation>쿼리</translation>
    </message>
    <message>
      <source>Parameters</source>
      <translation>매개변수</translation>
    </message>
    <message>
      <source>Run once</source>
      <translation>한 번 실행</translation>
    </message>
    <message>
      <source>Table</source>
      <translation>표</translation>
    </message>
    <message>
      <source>Columns</source>
      <translation>열</translation>
    </message>
    <message>
      <source>Key columns</source>
      <translation>키 열</translation>
    </message>
    <message>
      <source>Transaction</source>
      <translation>트랜잭션</translation>
    </message>
    <message>
      <source>One for all items</source>
      <translation>모든 항목에 하나</translation>
    </message>
    <message>
      <source>One per item</source>
      <translation>항목마다 하나</translation>
    </message>
    <message>
      <source>None (auto-commit)</source>
      <translation>없음 (자동 커밋)</translation>
    </message>
    <message>
      <source>Display</source>
      <translation>디스플레이</translation>
    </message>
    <message>
      <source>Title matches</source>
      <translation>제목 일치</translation>
    </message>
    <message>
      <source>Class matches</source>
      <translation>클래스 일치</translation>
    </message>
    <message>
      <source>Fail when there is none</source>
      <translation>없으면 실패</translation>
    </message>
    <message>
      <source>Image</source>
      <translation>이미지</translation>
    </message>
    <message>
      <source>Offset X in image</source>
      <translation>이미지 안의 X 오프셋</translation>
    </message>
    <message>
      <source>Offset Y in image</source>
      <translation>이미지 안의 Y 오프셋</translation>
    </message>
    <message>
      <source>Minimum match score</source>
      <translation>최소 일치 점수</translation>
    </message>
    <message>
      <source>Text on the screen</source>
      <translation>화면의 텍스트</translation>
    </message>
    <message>
      <source>Window title</source>
      <translation>창 제목</translation>
    </message>
    <message>
      <source>Window class</source>
      <translation>창 클래스</translation>
    </message>
    <message>
      <source>X in window</source>
      <translation>창 안의 X</translation>
    </message>
    <message>
      <source>Y in window</source>
      <translation>창 안의 Y</translation>
    </message>
    <message>
      <source>Screen X</source>
      <translation>화면 X</translation>
    </message>
    <message>
      <source>Screen Y</source>
      <translation>화면 Y</translation>
    </message>
    <message>
      <source>Fall back to positions</source>
      <translation>위치로 대체</translation>
    </message>
    <message>
      <source>Button</source>
      <translation>버튼</translation>
    </message>
    <message>
      <source>Left</source>
      <translation>왼쪽</translation>
    </message>
    <message>
      <source>Right</source>
      <translation>오른쪽</translation>
    </message>
    <message>
      <source>Middle</source>
      <translation>가운데</translation>
    </message>
    <message>
      <source>Clicks</source>
      <translation>클릭 수</translation>
    </message>
    <message>
      <source>Hold keys</source>
      <translation>누르고 있을 키</translation>
    </message>
    <message>
      <source>Into field</source>
      <translation>입력할 필드</translation>
    </message>
    <message>
      <source>Move by X</source>
      <translation>X 이동</translation>
    </message>
    <message>
      <source>Move by Y</source>
      <translation>Y 이동</translation>
    </message>
    <message>
      <source>Fail when not found</source>
      <translation>찾지 못하면 실패</translation>
    </message>
    <message>
      <source>Ask</source>
      <translation>묻기</translation>
    </message>
    <message>
      <source>On timeout</source>
      <translation>제한 시간 초과 시</translation>
    </message>
    <message>
      <source>Use the default answer</source>
      <translation>기본 답 사용</translation>
    </message>
    <message>
      <source>Fail with DIALOG_TIMEOUT</source>
      <translation>DIALOG_TIMEOUT으로 실패</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>답</translation>
    </message>
    <message>
      <source>Password (masked)</source>
      <translation>비밀번호 (가림)</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>숫자</translation>
    </message>
    <message>
      <source>Choice from a list</source>
      <translation>목록에서 선택</translation>
    </message>
    <message>
      <source>Default value</source>
      <translation>기본값</translation>
    </message>
    <message>
      <source>Choices</source>
      <translation>선택지</translation>
    </message>
    <message>
      <source>Minimum</source>
      <translation>최솟값</translation>
    </message>
    <message>
      <source>Maximum</source>
      <translation>최댓값</translation>
    </message>
    <message>
      <source>Decimals</source>
      <translation>소수 자릿수</translation>
    </message>
    <message>
      <source>On cancel</source>
      <translation>취소 시</translation>
    </message>
    <message>
      <source>Fail with DIALOG_CANCELLED</source>
      <translation>DIALOG_CANCELLED로 실패</translation>
    </message>
    <message>
      <source>Mark the item</source>
      <translation>항목에 표시</translation>
    </message>
    <message>
      <source>Command</source>
      <translation>명령</translation>
    </message>
    <message>
      <source>Wait for window title</source>
      <translation>창 제목 기다리기</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>종류</translation>
    </message>
    <message>
      <source>Information</source>
      <translation>정보</translation>
    </message>
    <message>
      <source>Question</source>
      <translation>질문</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>경고</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>오류</translation>
    </message>
    <message>
      <source>Buttons</source>
      <translation>버튼</translation>
    </message>
    <message>
      <source>Default button</source>
      <translation>기본 버튼</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>키</translation>
    </message>
    <message>
      <source>Times</source>
      <translation>횟수</translation>
    </message>
    <message>
      <source>Region X</source>
      <translation>영역 X</translation>
    </message>
    <message>
      <source>Region Y</source>
      <translation>영역 Y</translation>
    </message>
    <message>
      <source>Region width</source>
      <translation>영역 너비</translation>
    </message>
    <message>
      <source>Region height</source>
      <translation>영역 높이</translation>
    </message>
    <message>
      <source>OCR languages</source>
      <translation>OCR 언어</translation>
    </message>
    <message>
      <source>Macro</source>
      <translation>매크로</translation>
    </message>
    <message>
      <source>Speed</source>
      <translation>속도</translation>
    </message>
    <message>
      <source>Find timeout (seconds)</source>
      <translation>찾기 제한 시간 (초)</translation>
    </message>
    <message>
      <source>Top</source>
      <translation>위쪽</translation>
    </message>
    <message>
      <source>Width</source>
      <translation>너비</translation>
    </message>
    <message>
      <source>Height</source>
      <translation>높이</translation>
    </message>
    <message>
      <source>Notches down</source>
      <translation>아래로 칸 수</translation>
    </message>
    <message>
      <source>Notches right</source>
      <translation>오른쪽으로 칸 수</translation>
    </message>
    <message>
      <source>Paste through the clipboard</source>
      <translation>클립보드로 붙여넣기</translation>
    </message>
    <message>
      <source>Until it</source>
      <translation>다음 상태까지</translation>
    </message>
    <message>
      <source>Appears</source>
      <translation>나타날 때</translation>
    </message>
    <message>
      <source>Disappears</source>
      <translation>사라질 때</translation>
    </message>
    <message>
      <source>Bring it to the front</source>
      <translation>앞으로 가져오기</translation>
    </message>
    <message>
      <source>Document from</source>
      <translation>문서 출처</translation>
    </message>
    <message>
      <source>File path</source>
      <translation>파일 경로</translation>
    </message>
    <message>
      <source>File</source>
      <translation>파일</translation>
    </message>
    <message>
      <source>Languages</source>
      <translation>언어</translation>
    </message>
    <message>
      <source>Pre-processing</source>
      <translation>전처리</translation>
    </message>
    <message>
      <source>Put the result in field</source>
      <translation>결과를 넣을 필드</translation>
    </message>
    <message>
      <source>Include the full text</source>
      <translation>전체 텍스트 포함</translation>
    </message>
    <message>
      <source>Show national id numbers in full</source>
      <translation>주민등록번호 전체 표시</translation>
    </message>
    <message>
      <source>Dates like 05/06/2018 are</source>
      <translation>05/06/2018 같은 날짜는</translation>
    </message>
    <message>
      <source>Day first (5 June)</source>
      <translation>일 먼저 (6월 5일)</translation>
    </message>
    <message>
      <source>Month first (May 6)</source>
      <translation>월 먼저 (5월 6일)</translation>
    </message>
    <message>
      <source>Page layout</source>
      <translation>페이지 레이아웃</translation>
    </message>
    <message>
      <source>Delimiter</source>
      <translation>구분 기호</translation>
    </message>
    <message>
      <source>Comma ,</source>
      <translation>쉼표 ,</translation>
    </message>
    <message>
      <source>Semicolon ;</source>
      <translation>세미콜론 ;</translation>
    </message>
    <message>
      <source>Tab</source>
      <translation>탭</translation>
    </message>
    <message>
      <source>Pipe |</source>
      <translation>세로 막대 |</translation>
    </message>
    <message>
      <source>Other...</source>
      <translation>기타...</translation>
    </message>
    <message>
      <source>Other delimiter</source>
      <translation>다른 구분 기호</translation>
    </message>
    <message>
      <source>Quote character</source>
      <translation>따옴표 문자</translation>
    </message>
    <message>
      <source>First row has column names</source>
      <translation>첫 행에 열 이름이 있음</translation>
    </message>
    <message>
      <source>Encoding</source>
      <translation>인코딩</translation>
    </message>
    <message>
      <source>Skip empty lines</source>
      <translation>빈 줄 건너뛰기</translation>
    </message>
    <message>
      <source>Trim spaces</source>
      <translation>공백 제거</translation>
    </message>
    <message>
      <source>Convert numbers and booleans</source>
      <translation>숫자와 불리언 변환</translation>
    </message>
    <message>
      <source>Strict column count</source>
      <translation>열 개수 엄격히 확인</translation>
    </message>
    <message>
      <source>Max rows per file</source>
      <translation>파일당 최대 행</translation>
    </message>
    <message>
      <source>File or pattern</source>
      <translation>파일 또는 패턴</translation>
    </message>
    <message>
      <source>Read as</source>
      <translation>읽기 형식</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>형식</translation>
    </message>
    <message>
      <source>By file extension</source>
      <translation>파일 확장자로</translation>
    </message>
    <message>
      <source>JSON document</source>
      <translation>JSON 문서</translation>
    </message>
    <message>
      <source>JSON Lines</source>
      <translation>JSON Lines</translation>
    </message>
    <message>
      <source>Items at</source>
      <translation>항목 위치</translation>
    </message>
    <message>
      <source>Sheet</source>
      <translation>시트</translation>
    </message>
    <message>
      <source>Skip empty rows</source>
      <translation>빈 행 건너뛰기</translation>
    </message>
    <message>
      <source>Max rows</source>
      <translation>최대 행</translation>
    </message>
    <message>
      <source>Quote values</source>
      <translation>값을 따옴표로 묶기</translation>
    </message>
    <message>
      <source>When needed</source>
      <translation>필요할 때</translation>
    </message>
    <message>
      <source>Always</source>
      <translation>항상</translation>
    </message>
    <message>
      <source>Header row</source>
      <translation>머리글 행</translation>
    </message>
    <message>
      <source>Line ending</source>
      <translation>줄 끝</translation>
    </message>
    <message>
      <source>CRLF (Windows, RFC 4180)</source>
      <translation>CRLF (Windows, RFC 4180)</translation>
    </message>
    <message>
      <source>LF (Linux, macOS)</source>
      <translation>LF (Linux, macOS)</translation>
    </message>
    <message>
      <source>Byte order mark</source>
      <translation>바이트 순서 표시 (BOM)</translation>
    </message>
    <message>
      <source>If the file exists</source>
      <translation>파일이 있으면</translation>
    </message>
    <message>
      <source>Replace the file</source>
      <translation>파일 바꾸기</translation>
    </message>
    <message>
      <source>Append to the file</source>
      <translation>파일에 덧붙이기</translation>
    </message>
    <message>
      <source>Fail if the file exists</source>
      <translation>파일이 있으면 실패</translation>
    </message>
    <message>
      <source>Create folders</source>
      <translation>폴더 만들기</translation>
    </message>
    <message>
      <source>Content from</source>
      <translation>내용 출처</translation>
    </message>
    <message>
      <source>JSON array</source>
      <translation>JSON 배열</translation>
    </message>
    <message>
      <source>Pretty print</source>
      <translation>보기 좋게 출력</translation>
    </message>
    <message>
      <source>Rules</source>
      <translation>규칙</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>연산자</translation>
    </message>
    <message>
      <source>is equal to</source>
      <translation>같음</translation>
    </message>
    <message>
      <source>is not equal to</source>
      <translation>같지 않음</translation>
    </message>
    <message>
      <source>contains</source>
      <translation>포함</translation>
    </message>
    <message>
      <source>does not contain</source>
      <translation>포함하지 않음</translation>
    </message>
    <message>
      <source>starts with</source>
      <translation>다음으로 시작</translation>
    </message>
    <message>
      <source>ends with</source>
      <translation>다음으로 끝남</translation>
    </message>
    <message>
      <source>is greater than</source>
      <translation>보다 큼</translation>
    </message>
    <message>
      <source>is greater than or equal to</source>
      <translation>보다 크거나 같음</translation>
    </message>
    <message>
      <source>is less than</source>
      <translation>보다 작음</translation>
    </message>
    <message>
      <source>is less than or equal to</source>
      <translation>보다 작거나 같음</translation>
    </message>
    <message>
      <source>is empty</source>
      <translation>비어 있음</translation>
    </message>
    <message>
      <source>is not empty</source>
      <translation>비어 있지 않음</translation>
    </message>
    <message>
      <source>exists</source>
      <translation>있음</translation>
    </message>
    <message>
      <source>does not exist</source>
      <translation>없음</translation>
    </message>
    <message>
      <source>is true</source>
      <translation>참</translation>
    </message>
    <message>
      <source>is false</source>
      <translation>거짓</translation>
    </message>
    <message>
      <source>matches the regular expression</source>
      <translation>정규식과 일치</translation>
    </message>
    <message>
      <source>does not match the regular expression</source>
      <translation>정규식과 일치하지 않음</translation>
    </message>
    <message>
      <source>Combine rules</source>
      <translation>규칙 결합</translation>
    </message>
    <message>
      <source>All rules must hold (AND)</source>
      <translation>모든 규칙 충족 (AND)</translation>
    </message>
    <message>
      <source>Any rule may hold (OR)</source>
      <translation>하나라도 충족 (OR)</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>수준</translation>
    </message>
    <message>
      <source>Info</source>
      <translation>정보</translation>
    </message>
    <message>
      <source>Debug</source>
      <translation>디버그</translation>
    </message>
    <message>
      <source>Once per batch, for the first item</source>
      <translation>배치마다 한 번, 첫 항목에 대해</translation>
    </message>
    <message>
      <source>Batch size</source>
      <translation>배치 크기</translation>
    </message>
    <message>
      <source>Append</source>
      <translation>이어 붙이기</translation>
    </message>
    <message>
      <source>Combine by matching fields</source>
      <translation>일치하는 필드로 결합</translation>
    </message>
    <message>
      <source>Combine by position</source>
      <translation>위치로 결합</translation>
    </message>
    <message>
      <source>Wait for all inputs</source>
      <translation>모든 입력 기다리기</translation>
    </message>
    <message>
      <source>Number of inputs</source>
      <translation>입력 개수</translation>
    </message>
    <message>
      <source>Fields to match</source>
      <translation>일치시킬 필드</translation>
    </message>
    <message>
      <source>Field in input 1</source>
      <translation>입력 1의 필드</translation>
    </message>
    <message>
      <source>Field in input 2</source>
      <translation>입력 2의 필드</translation>
    </message>
    <message>
      <source>Matches only (inner join)</source>
      <translation>일치하는 것만 (내부 조인)</translation>
    </message>
    <message>
      <source>All of input 1, with matches where found (left join)</source>
      <translation>입력 1 전체와 일치하는 항목 (왼쪽 조인)</translation>
    </message>
    <message>
      <source>Everything, matched where possible (outer join)</source>
      <translation>전체, 가능한 곳은 일치 (외부 조인)</translation>
    </message>
    <message>
      <source>Only the items without a match</source>
      <translation>일치하지 않는 항목만</translation>
    </message>
    <message>
      <source>Non-matches from</source>
      <translation>일치하지 않는 항목 출처</translation>
    </message>
    <message>
      <source>Both inputs</source>
      <translation>두 입력 모두</translation>
    </message>
    <message>
      <source>Match numbers and numeric text</source>
      <translation>숫자와 숫자 텍스트 일치</translation>
    </message>
    <message>
      <source>When both have a field</source>
      <translation>둘 다 필드가 있을 때</translation>
    </message>
    <message>
      <source>Keep input 1's value (earlier inputs win)</source>
      <translation>입력 1의 값 유지 (앞 입력 우선)</translation>
    </message>
    <message>
      <source>Take input 2's value (later inputs win)</source>
      <translation>입력 2의 값 사용 (뒤 입력 우선)</translation>
    </message>
    <message>
      <source>Keep both, prefixed: in1_name, in2_name</source>
      <translation>둘 다 유지, 접두사: in1_name, in2_name</translation>
    </message>
    <message>
      <source>Keep unpaired items</source>
      <translation>짝 없는 항목 유지</translation>
    </message>
    <message>
      <source>Then pass on</source>
      <translation>그다음 전달할 것</translation>
    </message>
    <message>
      <source>Input 1's items</source>
      <translation>입력 1의 항목</translation>
    </message>
    <message>
      <source>Every input's items, appended</source>
      <translation>모든 입력의 항목, 이어 붙여서</translation>
    </message>
    <message>
      <source>Flow file</source>
      <translation>플로 파일</translation>
    </message>
    <message>
      <source>Run</source>
      <translation>실행</translation>
    </message>
    <message>
      <source>Once with all items</source>
      <translation>모든 항목으로 한 번</translation>
    </message>
    <message>
      <source>Error code</source>
      <translation>오류 코드</translation>
    </message>
    <message>
      <source>Route by</source>
      <translation>분기 기준</translation>
    </message>
    <message>
      <source>Rules (the first matching case wins)</source>
      <translation>규칙 (처음 일치하는 경우 우선)</translation>
    </message>
    <message>
      <source>A value (the case with that value)</source>
      <translation>값 (그 값의 경우)</translation>
    </message>
    <message>
      <source>Cases</source>
      <translation>경우</translation>
    </message>
    <message>
      <source>Output name</source>
      <translation>출력 이름</translation>
    </message>
    <message>
      <source>Send unmatched items to a "fallback" output</source>
      <translation>일치하지 않는 항목을 "fallback" 출력으로 보내기</translation>
    </message>
    <message>
      <source>For a duration</source>
      <translation>일정 시간 동안</translation>
    </message>
    <message>
      <source>Until a date and time</source>
      <translation>날짜와 시간까지</translation>
    </message>
    <message>
      <source>Seconds</source>
      <translation>초</translation>
    </message>
    <message>
      <source>Until</source>
      <translation>까지</translation>
    </message>
    <message>
      <source>Group by</source>
      <translation>그룹 기준</translation>
    </message>
    <message>
      <source>Aggregations</source>
      <translation>집계</translation>
    </message>
    <message>
      <source>Function</source>
      <translation>함수</translation>
    </message>
    <message>
      <source>Count</source>
      <translation>개수</translation>
    </message>
    <message>
      <source>Count distinct values</source>
      <translation>고유 값 개수</translation>
    </message>
    <message>
      <source>Sum</source>
      <translation>합계</translation>
    </message>
    <message>
      <source>Average</source>
      <translation>평균</translation>
    </message>
    <message>
      <source>First value</source>
      <translation>첫 값</translation>
    </message>
    <message>
      <source>Last value</source>
      <translation>마지막 값</translation>
    </message>
    <message>
      <source>Concatenate as text</source>
      <translation>텍스트로 잇기</translation>
    </message>
    <message>
      <source>Collect into a list</source>
      <translation>목록으로 모으기</translation>
    </message>
    <message>
      <source>Collect unique values into a list</source>
      <translation>고유 값을 목록으로 모으기</translation>
    </message>
    <message>
      <source>Separator</source>
      <translation>구분자</translation>
    </message>
    <message>
      <source>Skip values that are not numbers</source>
      <translation>숫자가 아닌 값 건너뛰기</translation>
    </message>
    <message>
      <source>Format a date as text</source>
      <translation>날짜를 텍스트로 서식화</translation>
    </message>
    <message>
      <source>Parse text into an ISO 8601 date</source>
      <translation>텍스트를 ISO 8601 날짜로 파싱</translation>
    </message>
    <message>
      <source>Add to a date</source>
      <translation>날짜에 더하기</translation>
    </message>
    <message>
      <source>Subtract from a date</source>
      <translation>날짜에서 빼기</translation>
    </message>
    <message>
      <source>Time between two dates</source>
      <translation>두 날짜 사이의 시간</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>날짜</translation>
    </message>
    <message>
      <source>Read dates as</source>
      <translation>날짜 읽기 형식</translation>
    </message>
    <message>
      <source>Output format</source>
      <translation>출력 형식</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>양</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>단위</translation>
    </message>
    <message>
      <source>Milliseconds</source>
      <translation>밀리초</translation>
    </message>
    <message>
      <source>Minutes</source>
      <translation>분</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>시간</translation>
    </message>
    <message>
      <source>Days</source>
      <translation>일</translation>
    </message>
    <message>
      <source>Weeks</source>
      <translation>주</translation>
    </message>
    <message>
      <source>Months</source>
      <translation>개월</translation>
    </message>
    <message>
      <source>Years</source>
      <translation>년</translation>
    </message>
    <message>
      <source>Second date</source>
      <translation>두 번째 날짜</translation>
    </message>
    <message>
      <source>Time zone</source>
      <translation>시간대</translation>
    </message>
    <message>
      <source>Pattern</source>
      <translation>패턴</translation>
    </message>
    <message>
      <source>Flags</source>
      <translation>플래그</translation>
    </message>
    <message>
      <source>Field for the whole match</source>
      <translation>전체 일치를 넣을 필드</translation>
    </message>
    <message>
      <source>All matches</source>
      <translation>모든 일치</translation>
    </message>
    <message>
      <source>Without a match</source>
      <translation>일치가 없을 때</translation>
    </message>
    <message>
      <source>Pass the item on unchanged</source>
      <translation>항목을 그대로 전달</translation>
    </message>
    <message>
      <source>Drop the item</source>
      <translation>항목 버리기</translation>
    </message>
    <message>
      <source>Fail the node</source>
      <translation>노드 실패</translation>
    </message>
    <message>
      <source>Convert</source>
      <translation>변환</translation>
    </message>
    <message>
      <source>A field</source>
      <translation>필드</translation>
    </message>
    <message>
      <source>The whole item</source>
      <translation>항목 전체</translation>
    </message>
    <message>
      <source>Target field</source>
      <translation>대상 필드</translation>
    </message>
    <message>
      <source>Number of items</source>
      <translation>항목 수</translation>
    </message>
    <message>
      <source>Keep</source>
      <translation>유지</translation>
    </message>
    <message>
      <source>The first items</source>
      <translation>처음 항목</translation>
    </message>
    <message>
      <source>The last items</source>
      <translation>마지막 항목</translation>
    </message>
    <message>
      <source>Field with JSON text</source>
      <translation>JSON 텍스트가 있는 필드</translation>
    </message>
    <message>
      <source>Put the result</source>
      <translation>결과 위치</translation>
    </message>
    <message>
      <source>In the same field</source>
      <translation>같은 필드에</translation>
    </message>
    <message>
      <source>In another field</source>
      <translation>다른 필드에</translation>
    </message>
    <message>
      <source>Merge into the item</source>
      <translation>항목에 병합</translation>
    </message>
    <message>
      <source>Compare</source>
      <translation>비교</translation>
    </message>
    <message>
      <source>All fields</source>
      <translation>모든 필드</translation>
    </message>
    <message>
      <source>Selected fields</source>
      <translation>선택한 필드</translation>
    </message>
    <message>
      <source>All fields except</source>
      <translation>다음을 제외한 모든 필드</translation>
    </message>
    <message>
      <source>Fields</source>
      <translation>필드</translation>
    </message>
    <message>
      <source>Remove these fields</source>
      <translation>이 필드 제거</translation>
    </message>
    <message>
      <source>Keep only these fields</source>
      <translation>이 필드만 유지</translation>
    </message>
    <message>
      <source>Renames</source>
      <translation>이름 변경</translation>
    </message>
    <message>
      <source>Current name</source>
      <translation>현재 이름</translation>
    </message>
    <message>
      <source>New name</source>
      <translation>새 이름</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>유형</translation>
    </message>
    <message>
      <source>As written</source>
      <translation>작성된 그대로</translation>
    </message>
    <message>
      <source>Boolean</source>
      <translation>불리언</translation>
    </message>
    <message>
      <source>Null</source>
      <translation>Null</translation>
    </message>
    <message>
      <source>Sort by</source>
      <translation>정렬 기준</translation>
    </message>
    <message>
      <source>Direction</source>
      <translation>방향</translation>
    </message>
    <message>
      <source>Ascending</source>
      <translation>오름차순</translation>
    </message>
    <message>
      <source>Descending</source>
      <translation>내림차순</translation>
    </message>
    <message>
      <source>Compare text</source>
      <translation>텍스트 비교</translation>
    </message>
    <message>
      <source>Exactly (capitals first)</source>
      <translation>정확히 (대문자 먼저)</translation>
    </message>
    <message>
      <source>Ignoring case</source>
      <translation>대소문자 무시</translation>
    </message>
    <message>
      <source>Naturally (item2 before item10, ignoring case)</source>
      <translation>자연 순서 (item2가 item10 앞, 대소문자 무시)</translation>
    </message>
    <message>
      <source>List field</source>
      <translation>목록 필드</translation>
    </message>
    <message>
      <source>Object elements</source>
      <translation>객체 요소</translation>
    </message>
    <message>
      <source>Merge their fields into the item</source>
      <translation>필드를 항목에 병합</translation>
    </message>
    <message>
      <source>Put them under the element field</source>
      <translation>요소 필드 아래에 넣기</translation>
    </message>
    <message>
      <source>Element field</source>
      <translation>요소 필드</translation>
    </message>
    <message>
      <source>Include the item's other fields</source>
      <translation>항목의 다른 필드 포함</translation>
    </message>
    <message>
      <source>When the field is missing or not a list</source>
      <translation>필드가 없거나 목록이 아닐 때</translation>
    </message>
    <message>
      <source>Fail the item</source>
      <translation>항목 실패</translation>
    </message>
    <message>
      <source>Treat a single value as a list of one (drop missing ones)</source>
      <translation>단일 값은 한 개짜리 목록으로 (없는 것은 버림)</translation>
    </message>
    <message>
      <source>File name pattern</source>
      <translation>파일 이름 패턴</translation>
    </message>
    <message>
      <source>New files</source>
      <translation>새 파일</translation>
    </message>
    <message>
      <source>Changed files</source>
      <translation>변경된 파일</translation>
    </message>
    <message>
      <source>Deleted files</source>
      <translation>삭제된 파일</translation>
    </message>
    <message>
      <source>Quiet time (ms)</source>
      <translation>대기 시간 (ms)</translation>
    </message>
    <message>
      <source>On a cron schedule</source>
      <translation>cron 일정에 따라</translation>
    </message>
    <message>
      <source>Every N minutes / hours</source>
      <translation>N분 / N시간마다</translation>
    </message>
    <message>
      <source>Once at a date and time</source>
      <translation>지정한 날짜와 시간에 한 번</translation>
    </message>
    <message>
      <source>Cron expression</source>
      <translation>cron 표현식</translation>
    </message>
    <message>
      <source>Every</source>
      <translation>간격</translation>
    </message>
    <message>
      <source>At</source>
      <translation>시각</translation>
    </message>
    <message>
      <source>Any method</source>
      <translation>모든 메서드</translation>
    </message>
    <message>
      <source>Token</source>
      <translation>토큰</translation>
    </message>
    <message>
      <source>Response status</source>
      <translation>응답 상태</translation>
    </message>
    <message>
      <source>Response body</source>
      <translation>응답 본문</translation>
    </message>
    <message>
      <source>Response content type</source>
      <translation>응답 콘텐츠 유형</translation>
    </message>
    <message>
      <source>Sends a prompt, written with {{ }} expressions over the item, to a chat model on any OpenAI-compatible server and puts the answer into the item.</source>
      <translation>항목에 대한 {{ }} 표현식으로 작성한 프롬프트를 OpenAI 호환 서버의 채팅 모델에 보내고, 답을 항목에 넣습니다.</translation>
    </message>
    <message>
      <source>Sorts each item's text into one of the labels you give, with a chat model; the answer is checked against the labels.</source>
      <translation>각 항목의 텍스트를 채팅 모델로 지정한 레이블 중 하나로 분류합니다. 답은 레이블과 대조해 확인합니다.</translation>
    </message>
    <message>
      <source>Reads an item's text with a chat model and returns the fields a JSON Schema describes; the reply is validated against the schema (and the model asked again with the problems when it does not conform). The fields join the item.</source>
      <translation>항목의 텍스트를 채팅 모델로 읽어 JSON 스키마가 설명하는 필드를 돌려줍니다. 응답은 스키마로 검증하며, 맞지 않으면 문제점을 알려 주고 모델에 다시 묻습니다. 필드는 항목에 추가됩니다.</translation>
    </message>
    <message>
      <source>Summarizes text from a field or a text attachment: with a chat model on any OpenAI-compatible server (long texts in chunks, map-reduce), or offline with the built-in extractive summarizer when no server is configured.</source>
      <translation>필드나 텍스트 첨부의 텍스트를 요약합니다. OpenAI 호환 서버의 채팅 모델로(긴 텍스트는 청크로 나눠 맵리듀스), 서버가 설정되지 않았으면 내장된 추출 요약기로 오프라인에서 요약합니다.</translation>
    </message>
    <message>
      <source>Clicks the element a CSS selector finds, waiting for it to appear; when the click opens another page, waits for that page to load.</source>
      <translation>CSS 선택자가 찾은 요소가 나타나기를 기다렸다가 클릭합니다. 클릭으로 다른 페이지가 열리면 그 페이지가 로드될 때까지 기다립니다.</translation>
    </message>
    <message>
      <source>Closes a session's page (and its private profile) before the run ends; every session closes when the run ends anyway.</source>
      <translation>실행이 끝나기 전에 세션의 페이지(와 전용 프로필)를 닫습니다. 실행이 끝나면 모든 세션은 어차피 닫힙니다.</translation>
    </message>
    <message>
      <source>Reads, sets or deletes cookies of a session's profile. In a named profile they are kept on disk, so a login survives until the next run.</source>
      <translation>세션 프로필의 쿠키를 읽고, 설정하고, 삭제합니다. 이름 있는 프로필에서는 디스크에 보관되므로 로그인이 다음 실행까지 유지됩니다.</translation>
    </message>
    <message>
      <source>Downloads a file in the browser, with the session's cookies (behind a login): from a URL, or by clicking the link or button a selector finds. The file becomes a binary attachment.</source>
      <translation>세션의 쿠키로(로그인 뒤에서) 브라우저에서 파일을 다운로드합니다. URL에서, 또는 선택자가 찾은 링크나 버튼을 클릭해서 받습니다. 파일은 바이너리 첨부가 됩니다.</translation>
    </message>
    <message>
      <source>Reads the page as the browser rendered it (after its scripts ran) with CSS selectors: one item per match of the item selector, its values picked by selectors relative to that match, or one item per row of a table.</source>
      <translation>브라우저가 렌더링한 그대로의 페이지(스크립트 실행 후)를 CSS 선택자로 읽습니다. 항목 선택자가 일치할 때마다 항목 하나를 만들고 그 안에서 상대 선택자로 값을 고르거나, 표의 행마다 항목 하나를 만듭니다.</translation>
    </message>
    <message>
      <source>Opens a web page in a real browser (QtWebEngine) and waits until it has loaded. Later browser nodes naming the same session continue in this page. Headless unless Visible is set.</source>
      <translation>실제 브라우저(QtWebEngine)로 웹 페이지를 열고 로드될 때까지 기다립니다. 같은 세션을 지정한 뒤의 브라우저 노드는 이 페이지에서 이어 갑니다. '보임'을 켜지 않으면 화면 없이 실행됩니다.</translation>
    </message>
    <message>
      <source>Takes a PNG picture of the page as the browser rendered it: the window, the whole page, or one element. Attached to the item; saved to a file when a path is set.</source>
      <translation>브라우저가 렌더링한 페이지를 PNG 그림으로 찍습니다. 창, 페이지 전체 또는 요소 하나를 찍을 수 있습니다. 항목에 첨부되며, 경로를 지정하면 파일로도 저장합니다.</translation>
    </message>
    <message>
      <source>Runs JavaScript in the page; what it returns (awaited when it is a Promise) lands in the item as JSON. The item's fields are available as `item`.</source>
      <translation>페이지에서 JavaScript를 실행합니다. 반환값(Promise면 완료를 기다림)은 JSON으로 항목에 들어갑니다. 항목의 필드는 `item`으로 쓸 수 있습니다.</translation>
    </message>
    <message>
      <source>Prints the page to PDF as the browser prints it (print styles apply). Attached to the item; saved to a file when a path is set.</source>
      <translation>브라우저가 인쇄하는 그대로(인쇄 스타일 적용) 페이지를 PDF로 인쇄합니다. 항목에 첨부되며, 경로를 지정하면 파일로도 저장합니다.</translation>
    </message>
    <message>
      <source>Chooses one option (or several, in a multiple list) of the &lt;select&gt; a CSS selector finds, by value or by the label the user sees.</source>
      <translation>CSS 선택자가 찾은 &lt;select&gt;에서 옵션 하나(다중 목록이면 여러 개)를 값이나 사용자에게 보이는 레이블로 고릅니다.</translation>
    </message>
    <message>
      <source>Types text into the input, text area or editable element a CSS selector finds, firing the input and change events the page listens to; optionally presses Enter (submits the form).</source>
      <translation>CSS 선택자가 찾은 입력란, 텍스트 영역 또는 편집 가능한 요소에 텍스트를 입력하고, 페이지가 듣는 input·change 이벤트를 발생시킵니다. 선택하면 Enter를 눌러 폼을 제출합니다.</translation>
    </message>
    <message>
      <source>Waits until a CSS selector matches in the page: for content that scripts add after loading, or until a spinner is gone.</source>
      <translation>페이지에서 CSS 선택자가 일치할 때까지 기다립니다. 로드 후 스크립트가 추가하는 내용이나, 로딩 표시가 사라질 때를 기다릴 때 씁니다.</translation>
    </message>
    <message>
      <source>Runs a Lua script over the items: change fields, filter, split or combine items. The script runs in a sandbox without files or network.</source>
      <translation>항목에 대해 Lua 스크립트를 실행합니다. 필드를 바꾸고, 거르고, 항목을 나누거나 합칩니다. 스크립트는 파일과 네트워크가 없는 샌드박스에서 실행됩니다.</translation>
    </message>
    <message>
      <source>Posts a message to a Slack, Microsoft Teams or other incoming webhook, once per item.</source>
      <translation>Slack, Microsoft Teams 또는 다른 수신 웹훅에 항목마다 메시지를 게시합니다.</translation>
    </message>
    <message>
      <source>Picks text, HTML or attributes out of a web page with CSS selectors, without a browser. With an item selector, every match (an article, a table row) becomes its own item.</source>
      <translation>브라우저 없이 CSS 선택자로 웹 페이지에서 텍스트, HTML 또는 속성을 뽑아냅니다. 항목 선택자를 쓰면 일치하는 것(기사, 표의 행)마다 항목이 됩니다.</translation>
    </message>
    <message>
      <source>Calls a web API or downloads a file, once per incoming item. JSON answers become items (a list becomes one item per entry), text lands in "body", anything else becomes a binary attachment. Follows pagination.</source>
      <translation>들어오는 항목마다 웹 API를 호출하거나 파일을 다운로드합니다. JSON 응답은 항목이 되고(목록은 항목마다 하나), 텍스트는 "body"에, 그 밖의 것은 바이너리 첨부가 됩니다. 페이지 나누기를 따라갑니다.</translation>
    </message>
    <message>
      <source>Reads messages from an IMAP folder: one item per message with subject, sender, recipients, date, text and HTML, and the attachments as binaries.</source>
      <translation>IMAP 폴더의 메시지를 읽습니다. 메시지마다 항목 하나: 제목, 보낸 사람, 받는 사람, 날짜, 텍스트와 HTML, 그리고 첨부 파일은 바이너리로.</translation>
    </message>
    <message>
      <source>Reads an RSS or Atom feed and emits one item per entry: title, link, summary, content, published date (ISO 8601, UTC), id, author, categories.</source>
      <translation>RSS 또는 Atom 피드를 읽어 항목마다 하나씩 내보냅니다: 제목, 링크, 요약, 내용, 게시일(ISO 8601, UTC), id, 작성자, 분류.</translation>
    </message>
    <message>
      <source>Runs a program with a list of arguments (no shell, so values cannot inject commands) and emits its exit code, stdout and stderr. Off until enabled in your settings: {"shell": {"enabled": true}} in settings.json.</source>
      <translation>인수 목록으로 프로그램을 실행하고(셸 없이 실행하므로 값으로 명령을 주입할 수 없음) 종료 코드, 표준 출력, 표준 오류를 내보냅니다. 설정에서 켜기 전에는 꺼져 있습니다: settings.json에 {"shell": {"enabled": true}}.</translation>
    </message>
    <message>
      <source>Sends one e-mail per item over SMTP: text and HTML, Cc and Bcc, item attachments.</source>
      <translation>SMTP로 항목마다 이메일 한 통을 보냅니다. 텍스트와 HTML, 참조와 숨은 참조, 항목 첨부를 지원합니다.</translation>
    </message>
    <message>
      <source>Queries SQLite or PostgreSQL with bound parameters (rows become items), or inserts / upserts the items into a table, in one transaction.</source>
      <translation>바인딩된 매개변수로 SQLite나 PostgreSQL에 쿼리하거나(행이 항목이 됨), 항목을 표에 삽입 또는 업서트합니다. 한 트랜잭션 안에서 처리합니다.</translation>
    </message>
    <message>
      <source>Brings the first window whose title and class match to the front and gives it the keyboard.</source>
      <translation>제목과 클래스가 일치하는 첫 창을 앞으로 가져오고 키보드 포커스를 줍니다.</translation>
    </message>
    <message>
      <source>Clicks on the desktop: on an image found on the screen wherever it moved, at a position inside a window, or at screen coordinates, tried in that order.</source>
      <translation>데스크톱을 클릭합니다. 화면에서 찾은 이미지(어디로 옮겨 갔든), 창 안의 위치, 화면 좌표 순서로 시도합니다.</translation>
    </message>
    <message>
      <source>Reads the text on the desktop clipboard into a field of each item.</source>
      <translation>데스크톱 클립보드의 텍스트를 각 항목의 필드로 읽어 옵니다.</translation>
    </message>
    <message>
      <source>Puts text on the desktop clipboard, ready to paste.</source>
      <translation>데스크톱 클립보드에 텍스트를 넣어 붙여넣을 수 있게 합니다.</translation>
    </message>
    <message>
      <source>Asks every window whose title and class match to close, as its close button would.</source>
      <translation>제목과 클래스가 일치하는 모든 창에 닫기 버튼처럼 닫으라고 요청합니다.</translation>
    </message>
    <message>
      <source>Presses the mouse on a target, moves it by an offset and releases it.</source>
      <translation>대상 위에서 마우스를 누르고, 오프셋만큼 움직인 뒤 놓습니다.</translation>
    </message>
    <message>
      <source>Looks for a picture on the screen (also zoomed) and adds where it is under "image": found, x, y, width, height, centre and score.</source>
      <translation>화면에서 그림을 찾아(확대·축소된 것도) 위치를 "image" 아래에 추가합니다: found, x, y, width, height, centre, score.</translation>
    </message>
    <message>
      <source>Asks for text, a password, a number or a choice from a list, and puts the answer into a field.</source>
      <translation>텍스트, 비밀번호, 숫자 또는 목록에서의 선택을 묻고 답을 필드에 넣습니다.</translation>
    </message>
    <message>
      <source>Starts a program on the desktop (it keeps running after the flow) and, when a title pattern is set, waits for its window. Adds "pid" and "window" to the item.</source>
      <translation>데스크톱에서 프로그램을 시작하고(플로가 끝나도 계속 실행됨), 제목 패턴을 지정하면 그 창을 기다립니다. 항목에 "pid"와 "window"를 추가합니다.</translation>
    </message>
    <message>
      <source>Shows a message with buttons and waits for one; the chosen button's label joins the item.</source>
      <translation>버튼이 있는 메시지를 보여 주고 하나를 누를 때까지 기다립니다. 누른 버튼의 레이블이 항목에 추가됩니다.</translation>
    </message>
    <message>
      <source>Presses a key or a shortcut: Return, Tab, ctrl+s, alt+F4, ctrl+shift+Tab. Key names are X keysym names (a, Return, Escape, F5, Left, Page_Down, Delete).</source>
      <translation>키나 단축키를 누릅니다: Return, Tab, ctrl+s, alt+F4, ctrl+shift+Tab. 키 이름은 X keysym 이름입니다(a, Return, Escape, F5, Left, Page_Down, Delete).</translation>
    </message>
    <message>
      <source>Reads the text in a window or a region of the screen by OCR and adds it to the item: the whole text, and every line with its position.</source>
      <translation>창이나 화면 영역의 텍스트를 OCR로 읽어 항목에 추가합니다: 전체 텍스트와 위치가 있는 각 줄.</translation>
    </message>
    <message>
      <source>Replays a recording (taskloom record) once per item. Typed text may hold {{ }} expressions, so one recording fills a form for every row. Adds the replay report under "replay".</source>
      <translation>녹화(taskloom record)를 항목마다 한 번 재생합니다. 입력한 텍스트에 {{ }} 표현식을 쓸 수 있어, 한 번의 녹화로 모든 행의 양식을 채웁니다. 재생 보고서를 "replay" 아래에 추가합니다.</translation>
    </message>
    <message>
      <source>Takes a PNG picture of the screen or of a region, attached to the item (and saved to a file when a path is set).</source>
      <translation>화면 또는 영역을 PNG 그림으로 찍어 항목에 첨부합니다(경로를 지정하면 파일로도 저장).</translation>
    </message>
    <message>
      <source>Turns the mouse wheel over a target (image, window position or screen position), or where the pointer is when no target is set.</source>
      <translation>대상(이미지, 창 안의 위치, 화면 위치) 위에서, 대상이 없으면 포인터가 있는 곳에서 마우스 휠을 돌립니다.</translation>
    </message>
    <message>
      <source>Types a password from the credentials vault into the focused field. The secret never appears in the flow, the logs or the run history.</source>
      <translation>자격 증명 보관소의 비밀번호를 포커스된 입력란에 입력합니다. 비밀은 플로, 로그, 실행 기록 어디에도 나타나지 않습니다.</translation>
    </message>
    <message>
      <source>Types text into the focused field, character by character, including characters the keyboard layout does not have. With {{ }} one flow fills a form for every row of a spreadsheet.</source>
      <translation>포커스된 입력란에 한 글자씩 텍스트를 입력합니다. 키보드 배열에 없는 문자도 입력합니다. {{ }}를 쓰면 하나의 플로로 스프레드시트의 모든 행에 대해 양식을 채웁니다.</translation>
    </message>
    <message>
      <source>Waits until a picture appears on the screen (a page loaded, a dialog opened), or until it disappears (a progress bar finished).</source>
      <translation>화면에 그림이 나타날 때까지(페이지 로드, 대화 상자 열림), 또는 사라질 때까지(진행 표시줄 완료) 기다립니다.</translation>
    </message>
    <message>
      <source>Waits until the given words can be read on the screen (in a window or a region) and adds where they are to the item. Fails when they do not appear in time.</source>
      <translation>화면에서(창이나 영역 안에서) 주어진 단어를 읽을 수 있을 때까지 기다리고 그 위치를 항목에 추가합니다. 제시간에 나타나지 않으면 실패합니다.</translation>
    </message>
    <message>
      <source>Waits until a window whose title and class match appears (a dialog, a program that starts slowly) and adds its title, class and geometry to the item under "window".</source>
      <translation>제목과 클래스가 일치하는 창(대화 상자, 늦게 뜨는 프로그램)이 나타날 때까지 기다리고, 그 제목·클래스·위치와 크기를 "window" 아래에 추가합니다.</translation>
    </message>
    <message>
      <source>Reads a passport or ID card: the machine-readable zone (TD1, TD2, TD3) is found, read, repaired with its check digits and parsed (document number, names, nationality, dates, sex); cards without one (Korean resident card and driver's licence, label: value cards) are read from their printed text. Failed check digits and impossible dates are flagged.</source>
      <translation>여권이나 신분증을 읽습니다. 기계 판독 영역(TD1, TD2, TD3)을 찾아 읽고, 검증 숫자로 바로잡아 문서 번호, 이름, 국적, 날짜, 성별로 풉니다. 기계 판독 영역이 없는 카드(주민등록증, 운전면허증, '레이블: 값' 형식의 카드)는 인쇄된 텍스트에서 읽습니다. 틀린 검증 숫자와 있을 수 없는 날짜는 표시합니다.</translation>
    </message>
    <message>
      <source>Reads an invoice (PDF text layer, or OCR for scans): invoice number, issue and due dates, vendor name and tax id, customer, PO number, currency, subtotal, tax, total, IBAN and BIC. Subtotal + tax that does not give the total, and a due date before the issue date, are flagged.</source>
      <translation>청구서를 읽습니다(PDF 텍스트 레이어, 스캔은 OCR): 청구서 번호, 발행일과 만기일, 공급자 이름과 세금 번호, 고객, 주문 번호, 통화, 소계, 세금, 합계, IBAN과 BIC. 소계와 세금의 합이 합계와 다르거나 만기일이 발행일보다 앞서면 표시합니다.</translation>
    </message>
    <message>
      <source>Reads a photographed or scanned receipt: merchant name and address, phone, date, time, currency, subtotal, tax, tip, total, payment method and line items, each with its text as printed, confidence and box. Totals that disagree with the items, tax or cash are flagged.</source>
      <translation>사진이나 스캔한 영수증을 읽습니다: 가맹점 이름과 주소, 전화번호, 날짜, 시간, 통화, 소계, 세금, 팁, 합계, 결제 수단, 품목. 각각 인쇄된 텍스트, 신뢰도, 상자와 함께 나옵니다. 품목, 세금, 현금과 맞지 않는 합계는 표시합니다.</translation>
    </message>
    <message>
      <source>Reads the text of an image or PDF (born-digital PDFs through their text layer, scans through Tesseract): the full text plus every line and word with its box and confidence.</source>
      <translation>이미지나 PDF의 텍스트를 읽습니다(디지털 PDF는 텍스트 레이어로, 스캔은 Tesseract로): 전체 텍스트와 상자·신뢰도가 있는 모든 줄과 단어.</translation>
    </message>
    <message>
      <source>Reads a CSV file for every incoming item and emits one item per row, with the columns as fields in their order. Files of any size stream through.</source>
      <translation>들어오는 항목마다 CSV 파일을 읽어 행마다 항목 하나를 내보냅니다. 열은 순서대로 필드가 됩니다. 크기와 관계없이 스트리밍으로 처리합니다.</translation>
    </message>
    <message>
      <source>Reads one file, or every file a pattern matches (invoices/*.pdf, data/**/*.csv), for each incoming item: one item per file with its path, name, size and modification time, and the content as text or as a binary attachment.</source>
      <translation>들어오는 항목마다 파일 하나, 또는 패턴(invoices/*.pdf, data/**/*.csv)과 일치하는 모든 파일을 읽습니다. 파일마다 항목 하나: 경로, 이름, 크기, 수정 시각, 그리고 텍스트나 바이너리 첨부로 된 내용.</translation>
    </message>
    <message>
      <source>Reads a JSON file for every incoming item: an array becomes one item per element, an object one item. JSON Lines files (one value per line) stream through line by line.</source>
      <translation>들어오는 항목마다 JSON 파일을 읽습니다. 배열은 요소마다 항목 하나, 객체는 항목 하나가 됩니다. JSON Lines 파일(줄마다 값 하나)은 한 줄씩 스트리밍합니다.</translation>
    </message>
    <message>
      <source>Reads a sheet of an Excel workbook: one item per row, fields named by the header row. Numbers stay numbers, dates become ISO 8601 text.</source>
      <translation>Excel 통합 문서의 시트를 읽습니다. 행마다 항목 하나이며, 필드 이름은 머리글 행에서 옵니다. 숫자는 숫자로, 날짜는 ISO 8601 텍스트가 됩니다.</translation>
    </message>
    <message>
      <source>Writes the incoming items as rows of a CSV file, one column per field, and emits {path, rows, columns}. The file appears only when every row is written.</source>
      <translation>들어오는 항목을 CSV 파일의 행으로 씁니다(필드마다 열 하나). {path, rows, columns}를 내보냅니다. 파일은 모든 행을 쓴 뒤에야 나타납니다.</translation>
    </message>
    <message>
      <source>Writes a file for every item, from text or from a binary attachment, and passes the item on with "path" and "size". A replaced file is never half-written.</source>
      <translation>항목마다 텍스트나 바이너리 첨부로 파일을 쓰고, "path"와 "size"를 붙여 항목을 전달합니다. 바뀌는 파일이 반쯤 쓰인 채로 남는 일은 없습니다.</translation>
    </message>
    <message>
      <source>Writes the incoming items to a JSON file, as one array or as JSON Lines, and emits {path, items}. The file appears only when every item is written.</source>
      <translation>들어오는 항목을 JSON 파일에 하나의 배열 또는 JSON Lines로 쓰고 {path, items}를 내보냅니다. 파일은 모든 항목을 쓴 뒤에야 나타납니다.</translation>
    </message>
    <message>
      <source>Writes the items to an Excel workbook: a header row and one row per item. Numbers and booleans keep their type; lists and objects are written as JSON text.</source>
      <translation>항목을 Excel 통합 문서에 씁니다: 머리글 행과 항목마다 한 행. 숫자와 불리언은 유형을 유지하고, 목록과 객체는 JSON 텍스트로 씁니다.</translation>
    </message>
    <message>
      <source>Routes each item to "true" or "false" by rules on its fields.</source>
      <translation>필드에 대한 규칙에 따라 각 항목을 "true" 또는 "false"로 보냅니다.</translation>
    </message>
    <message>
      <source>Writes a message to the run log and passes the items on unchanged.</source>
      <translation>실행 로그에 메시지를 쓰고 항목을 그대로 전달합니다.</translation>
    </message>
    <message>
      <source>Runs the nodes on "loop" once per batch of items; connect the last of them back to "return". When every batch is done, "done" emits what came back.</source>
      <translation>항목 배치마다 "loop"의 노드를 한 번씩 실행합니다. 그 마지막 노드를 "return"에 다시 연결하세요. 모든 배치가 끝나면 "done"이 돌아온 것을 내보냅니다.</translation>
    </message>
    <message>
      <source>Brings branches together: appends their items, joins two inputs on matching fields, pairs items up by position, or waits for every input and passes input 1 on.</source>
      <translation>분기를 합칩니다: 항목을 이어 붙이거나, 두 입력을 일치하는 필드로 조인하거나, 위치로 짝짓거나, 모든 입력을 기다렸다가 입력 1을 전달합니다.</translation>
    </message>
    <message>
      <source>Passes items through unchanged.</source>
      <translation>항목을 그대로 통과시킵니다.</translation>
    </message>
    <message>
      <source>Runs another flow with these items as its input (its Manual Trigger emits them) and passes on what its last nodes return.</source>
      <translation>이 항목을 입력으로 다른 플로를 실행하고(그 플로의 수동 트리거가 내보냄), 마지막 노드가 돌려준 것을 전달합니다.</translation>
    </message>
    <message>
      <source>Fails the run with your message when items reach it.</source>
      <translation>항목이 도착하면 지정한 메시지로 실행을 실패시킵니다.</translation>
    </message>
    <message>
      <source>Routes each item to the output of the first case it matches: by rules on its fields, or by a value. There is one output per case, named after it.</source>
      <translation>각 항목을 처음 일치하는 경우의 출력으로 보냅니다. 필드에 대한 규칙이나 값으로 판단합니다. 경우마다 그 이름의 출력이 하나씩 있습니다.</translation>
    </message>
    <message>
      <source>Pauses for some seconds, or until a date and time, then passes the items on.</source>
      <translation>몇 초 동안, 또는 지정한 날짜와 시간까지 멈췄다가 항목을 전달합니다.</translation>
    </message>
    <message>
      <source>Groups items by fields and computes counts, sums, averages, minimums, maximums and lists per group: one item per group. Without group fields, one item for all.</source>
      <translation>필드로 항목을 묶어 그룹마다 개수, 합계, 평균, 최솟값, 최댓값, 목록을 계산합니다. 그룹마다 항목 하나이며, 그룹 필드가 없으면 전체에 대해 항목 하나입니다.</translation>
    </message>
    <message>
      <source>Formats, parses, shifts dates or measures the time between two, in a time zone you choose.</source>
      <translation>선택한 시간대에서 날짜를 서식화·파싱·이동하거나 두 날짜 사이의 시간을 잽니다.</translation>
    </message>
    <message>
      <source>Matches a regular expression against a text field and writes its named groups (or the whole match) into fields. Items without a match pass through unchanged or are dropped.</source>
      <translation>텍스트 필드에 정규식을 맞춰 이름 있는 그룹(또는 전체 일치)을 필드에 씁니다. 일치하지 않는 항목은 그대로 통과하거나 버려집니다.</translation>
    </message>
    <message>
      <source>Keeps the items that satisfy the rules and drops the rest.</source>
      <translation>규칙을 만족하는 항목만 남기고 나머지는 버립니다.</translation>
    </message>
    <message>
      <source>Turns a field, or the whole item, into JSON text.</source>
      <translation>필드나 항목 전체를 JSON 텍스트로 바꿉니다.</translation>
    </message>
    <message>
      <source>Keeps only the first or the last N items.</source>
      <translation>처음 또는 마지막 N개 항목만 남깁니다.</translation>
    </message>
    <message>
      <source>Turns JSON text in a field into data: in the same field, in another field, or merged into the item.</source>
      <translation>필드의 JSON 텍스트를 데이터로 바꿉니다: 같은 필드에, 다른 필드에, 또는 항목에 병합해서.</translation>
    </message>
    <message>
      <source>Drops items that repeat an earlier one, compared on all fields or on the fields you choose. Attachments are not compared.</source>
      <translation>앞선 항목과 반복되는 항목을 버립니다. 모든 필드나 선택한 필드로 비교하며, 첨부는 비교하지 않습니다.</translation>
    </message>
    <message>
      <source>Removes the listed fields from every item, or keeps only them (in the order listed).</source>
      <translation>나열한 필드를 모든 항목에서 제거하거나, 그 필드만 (나열한 순서로) 남깁니다.</translation>
    </message>
    <message>
      <source>Renames fields, keeping each in its place. Dotted names move nested fields.</source>
      <translation>필드 이름을 바꾸되 각 필드의 자리는 유지합니다. 점으로 이은 이름은 중첩 필드를 옮깁니다.</translation>
    </message>
    <message>
      <source>Adds or changes fields on every item, with fixed values or {{ expressions }}.</source>
      <translation>모든 항목에 고정 값이나 {{ 표현식 }}으로 필드를 추가하거나 바꿉니다.</translation>
    </message>
    <message>
      <source>Sorts items by fields. Numbers (also written as text) sort by value, ISO dates by time; items missing a field come last.</source>
      <translation>필드로 항목을 정렬합니다. 숫자(텍스트로 쓴 것도)는 값으로, ISO 날짜는 시간으로 정렬하며, 필드가 없는 항목은 마지막에 옵니다.</translation>
    </message>
    <message>
      <source>Turns a list field into one item per element.</source>
      <translation>목록 필드를 요소마다 항목 하나로 펼칩니다.</translation>
    </message>
    <message>
      <source>Starts the flow while `taskloom daemon` runs when a file matching the pattern appears in the folder, changes or is deleted. A new or changed file fires once it has stopped growing for the debounce time. Emits one item: event (new, changed, deleted), path, name, size and modifiedAt.</source>
      <translation>`taskloom daemon`이 실행 중일 때, 폴더에 패턴과 일치하는 파일이 나타나거나 바뀌거나 삭제되면 플로를 시작합니다. 새 파일이나 바뀐 파일은 대기 시간 동안 더 커지지 않으면 한 번 발생합니다. 항목 하나를 내보냅니다: event(new, changed, deleted), path, name, size, modifiedAt.</translation>
    </message>
    <message>
      <source>Starts the flow when you run it: from the command line, the studio or another flow. Emits the run's input items (taskloom run --input), or one empty item.</source>
      <translation>직접 실행할 때 플로를 시작합니다: 명령줄, 스튜디오 또는 다른 플로에서. 실행의 입력 항목(taskloom run --input)이나 빈 항목 하나를 내보냅니다.</translation>
    </message>
    <message>
      <source>Starts the flow on a schedule while `taskloom daemon` runs: a cron expression (5 fields, or 6 with seconds first), every N minutes or hours, or once at a date and time, in a time zone. A local time skipped by a daylight-saving change runs once at the next valid instant; a repeated one runs once. Emits one item: scheduledAt, firedAt and, after downtime, missed.</source>
      <translation>`taskloom daemon`이 실행 중일 때 일정에 따라 플로를 시작합니다: cron 표현식(필드 5개, 또는 초를 앞에 둔 6개), N분이나 N시간마다, 또는 지정한 날짜와 시간에 한 번, 지정한 시간대로. 일광 절약 시간 전환으로 건너뛴 현지 시각은 다음 유효한 순간에 한 번, 반복되는 시각은 한 번 실행됩니다. 항목 하나를 내보냅니다: scheduledAt, firedAt, 그리고 중단 후에는 missed.</translation>
    </message>
    <message>
      <source>Starts the flow while `taskloom daemon` runs when an HTTP request arrives at http://&lt;listen address&gt;/webhook/&lt;path&gt; with the right token (Authorization: Bearer &lt;token&gt;, or the X-Taskloom-Token header). Emits one item: method, path, query, headers, body (parsed when it is JSON) and bodyText. Requests that are too large or too slow are refused and never start a run.</source>
      <translation>`taskloom daemon`이 실행 중일 때 올바른 토큰(Authorization: Bearer &lt;token&gt; 또는 X-Taskloom-Token 헤더)과 함께 http://&lt;listen address&gt;/webhook/&lt;path&gt;로 HTTP 요청이 오면 플로를 시작합니다. 항목 하나를 내보냅니다: method, path, query, headers, body(JSON이면 파싱됨), bodyText. 너무 크거나 느린 요청은 거부되며 실행을 시작하지 않습니다.</translation>
    </message>
    <message>
      <source>An openAiCompatible credential (base URL, API key, model) or an apiKey credential. The key never goes in the flow file.</source>
      <translation>openAiCompatible 자격 증명(기본 URL, API 키, 모델) 또는 apiKey 자격 증명. 키는 플로 파일에 절대 들어가지 않습니다.</translation>
    </message>
    <message>
      <source>The server's OpenAI-compatible base URL; overrides the credential's. Empty with no credential: the built-in offline summarizer (Summarize), an error (other nodes).</source>
      <translation>서버의 OpenAI 호환 기본 URL로, 자격 증명의 값을 덮어씁니다. 자격 증명 없이 비워 두면: 내장 오프라인 요약기(요약), 다른 노드에서는 오류.</translation>
    </message>
    <message>
      <source>Overrides the credential's model.</source>
      <translation>자격 증명의 모델을 덮어씁니다.</translation>
    </message>
    <message>
      <source>0 for the most predictable output.</source>
      <translation>0이면 가장 예측 가능한 출력.</translation>
    </message>
    <message>
      <source>The longest reply, in tokens; 0: the server's default.</source>
      <translation>응답의 최대 길이(토큰). 0: 서버 기본값.</translation>
    </message>
    <message>
      <source>Extra instructions sent before the node's own.</source>
      <translation>노드 자체 지시보다 앞서 보내는 추가 지시.</translation>
    </message>
    <message>
      <source>For one model call, from sending to the last byte.</source>
      <translation>모델 호출 한 번에 대해, 보낸 때부터 마지막 바이트까지.</translation>
    </message>
    <message>
      <source>Receive the reply as it is written (server-sent events), with progress.</source>
      <translation>응답을 작성되는 대로(서버 전송 이벤트) 진행 상황과 함께 받습니다.</translation>
    </message>
    <message>
      <source>Read the text from this attachment (UTF-8) instead of a field.</source>
      <translation>필드 대신 이 첨부(UTF-8)에서 텍스트를 읽습니다.</translation>
    </message>
    <message>
      <source>A list such as ["billing", "bug", "other"], or the labels separated by commas.</source>
      <translation>["billing", "bug", "other"] 같은 목록, 또는 쉼표로 구분한 레이블.</translation>
    </message>
    <message>
      <source>What each label means.</source>
      <translation>각 레이블의 의미.</translation>
    </message>
    <message>
      <source>An object schema: {"type": "object", "properties": {...}, "required": [...]}.</source>
      <translation>객체 스키마: {"type": "object", "properties": {...}, "required": [...]}.</translation>
    </message>
    <message>
      <source>What the fields mean, units, formats.</source>
      <translation>필드의 의미, 단위, 형식.</translation>
    </message>
    <message>
      <source>Put the extracted object under this field; empty: its fields join the item at the top level.</source>
      <translation>추출한 객체를 이 필드 아래에 넣습니다. 비우면 그 필드들이 항목의 최상위에 추가됩니다.</translation>
    </message>
    <message>
      <source>How often to ask again, with the validation errors, when the reply does not match the schema.</source>
      <translation>응답이 스키마와 맞지 않을 때 검증 오류와 함께 다시 묻는 횟수.</translation>
    </message>
    <message>
      <source>Ask the server for a JSON object (response_format); turn off for servers that reject it.</source>
      <translation>서버에 JSON 객체(response_format)를 요청합니다. 이를 거부하는 서버라면 끄세요.</translation>
    </message>
    <message>
      <source>The field holding the text (a path such as page.body).</source>
      <translation>텍스트가 든 필드(page.body 같은 경로).</translation>
    </message>
    <message>
      <source>Longer texts are summarized in chunks of about this many tokens, then the partial summaries are summarized.</source>
      <translation>이보다 긴 텍스트는 대략 이만큼의 토큰 단위로 나눠 요약한 뒤, 부분 요약을 다시 요약합니다.</translation>
    </message>
    <message>
      <source>The browser tab: nodes naming the same session continue in the same page.</source>
      <translation>브라우저 탭: 같은 세션을 지정한 노드는 같은 페이지에서 이어 갑니다.</translation>
    </message>
    <message>
      <source>How long to wait for the page, the element or the script.</source>
      <translation>페이지, 요소 또는 스크립트를 기다리는 시간.</translation>
    </message>
    <message>
      <source>0: the first; -1: the last.</source>
      <translation>0: 첫 번째, -1: 마지막.</translation>
    </message>
    <message>
      <source>As a list in the field "cookies"</source>
      <translation>"cookies" 필드에 목록으로</translation>
    </message>
    <message>
      <source>By name, or all for the URL</source>
      <translation>이름으로, 또는 URL의 전체</translation>
    </message>
    <message>
      <source>Empty: the page open in the session.</source>
      <translation>비우면 세션에 열린 페이지.</translation>
    </message>
    <message>
      <source>Empty: only the URL's host.</source>
      <translation>비우면 URL의 호스트만.</translation>
    </message>
    <message>
      <source>0: a session cookie.</source>
      <translation>0: 세션 쿠키.</translation>
    </message>
    <message>
      <source>Relative URLs are taken from the current page. Empty: click the selector.</source>
      <translation>상대 URL은 현재 페이지 기준입니다. 비우면 선택자를 클릭합니다.</translation>
    </message>
    <message>
      <source>Values of each matching element</source>
      <translation>일치하는 각 요소의 값</translation>
    </message>
    <message>
      <source>One item per row, keyed by the header</source>
      <translation>행마다 항목 하나, 머리글을 키로</translation>
    </message>
    <message>
      <source>One output item per match; empty: one item for the whole page.</source>
      <translation>일치할 때마다 출력 항목 하나. 비우면 페이지 전체에 항목 하나.</translation>
    </message>
    <message>
      <source>Empty: the item element's text as "text". href and src come back as absolute URLs.</source>
      <translation>비우면 항목 요소의 텍스트가 "text"로. href와 src는 절대 URL로 돌아옵니다.</translation>
    </message>
    <message>
      <source>Relative to the item element; empty: the item element itself.</source>
      <translation>항목 요소 기준. 비우면 항목 요소 자체.</translation>
    </message>
    <message>
      <source>After waiting up to the timeout</source>
      <translation>제한 시간까지 기다린 뒤</translation>
    </message>
    <message>
      <source>No items, or null values</source>
      <translation>항목 없음, 또는 null 값</translation>
    </message>
    <message>
      <source>A named profile keeps cookies and storage between runs (in the data folder); empty: a private session that forgets everything.</source>
      <translation>이름 있는 프로필은 실행 사이에 쿠키와 저장소를 유지합니다(데이터 폴더에). 비우면 모든 것을 잊는 비공개 세션.</translation>
    </message>
    <message>
      <source>Go on at once; a later Wait for element waits</source>
      <translation>바로 진행. 뒤의 '요소 기다리기'가 기다립니다</translation>
    </message>
    <message>
      <source>Show the browser window so you can watch (needs a display).</source>
      <translation>지켜볼 수 있게 브라우저 창을 보여 줍니다(디스플레이 필요).</translation>
    </message>
    <message>
      <source>The full scroll height, not only the window.</source>
      <translation>창만이 아니라 스크롤 전체 높이.</translation>
    </message>
    <message>
      <source>A function body: `return` gives the result.</source>
      <translation>함수 본문: `return`이 결과를 돌려줍니다.</translation>
    </message>
    <message>
      <source>Sees the page's own variables</source>
      <translation>페이지 자체의 변수를 봅니다</translation>
    </message>
    <message>
      <source>Shares only the DOM with the page</source>
      <translation>페이지와 DOM만 공유합니다</translation>
    </message>
    <message>
      <source>One per line (several only for a multiple list).</source>
      <translation>한 줄에 하나(여러 개는 다중 목록에서만).</translation>
    </message>
    <message>
      <source>Sends Enter and submits the field's form; waits for the page that loads.</source>
      <translation>Enter를 보내 필드의 폼을 제출하고, 로드되는 페이지를 기다립니다.</translation>
    </message>
    <message>
      <source>Defines function execute(ctx, items) (mode "all") or execute(ctx, item, index) (mode "each").</source>
      <translation>function execute(ctx, items)(모드 "all") 또는 execute(ctx, item, index)(모드 "each")를 정의합니다.</translation>
    </message>
    <message>
      <source>execute(ctx, items) gets the whole batch and returns the items to pass on</source>
      <translation>execute(ctx, items)는 배치 전체를 받아 전달할 항목을 돌려줍니다</translation>
    </message>
    <message>
      <source>execute(ctx, item, index) returns an item, a list of items, or nil to drop it</source>
      <translation>execute(ctx, item, index)는 항목 하나, 항목 목록, 또는 버릴 때 nil을 돌려줍니다</translation>
    </message>
    <message>
      <source>A credential the script may read with ctx.credential("credential").</source>
      <translation>스크립트가 ctx.credential("credential")로 읽을 수 있는 자격 증명.</translation>
    </message>
    <message>
      <source>A webhook URL kept in the vault (it is a secret). Or give the URL below.</source>
      <translation>보관소에 둔 웹훅 URL(비밀입니다). 또는 아래에 URL을 지정하세요.</translation>
    </message>
    <message>
      <source>Used when no credential is chosen.</source>
      <translation>자격 증명을 고르지 않았을 때 사용합니다.</translation>
    </message>
    <message>
      <source>Sent instead of {"title", "text"} when set.</source>
      <translation>지정하면 {"title", "text"} 대신 보냅니다.</translation>
    </message>
    <message>
      <source>One output item per match; empty: one item per page.</source>
      <translation>일치할 때마다 출력 항목 하나. 비우면 페이지마다 항목 하나.</translation>
    </message>
    <message>
      <source>Empty: the item element's text as "text".</source>
      <translation>비우면 항목 요소의 텍스트가 "text"로.</translation>
    </message>
    <message>
      <source>Makes href and src values absolute.</source>
      <translation>href와 src 값을 절대 URL로 만듭니다.</translation>
    </message>
    <message>
      <source>The item selector, or a value selector in every item, matches nothing</source>
      <translation>항목 선택자, 또는 항목마다의 값 선택자가 아무것도 찾지 못함</translation>
    </message>
    <message>
      <source>An http:// or https:// address.</source>
      <translation>http:// 또는 https:// 주소.</translation>
    </message>
    <message>
      <source>Added to the URL, percent-encoded.</source>
      <translation>URL에 퍼센트 인코딩해서 붙입니다.</translation>
    </message>
    <message>
      <source>Sends one of the item's binaries as the body</source>
      <translation>항목의 바이너리 하나를 본문으로 보냅니다</translation>
    </message>
    <message>
      <source>A JSON value, or text holding JSON (e.g. from an expression).</source>
      <translation>JSON 값, 또는 JSON을 담은 텍스트(예: 표현식에서).</translation>
    </message>
    <message>
      <source>Multipart only: send this item binary as a file instead of the value.</source>
      <translation>멀티파트 전용: 값 대신 이 항목 바이너리를 파일로 보냅니다.</translation>
    </message>
    <message>
      <source>Tokens from taskloom credentials authorize, refreshed when they expire</source>
      <translation>taskloom credentials authorize로 받은 토큰, 만료되면 갱신</translation>
    </message>
    <message>
      <source>Default: X-API-Key as a header, api_key in the query.</source>
      <translation>기본값: 헤더에는 X-API-Key, 쿼리에는 api_key.</translation>
    </message>
    <message>
      <source>JSON as items, text under "body"</source>
      <translation>JSON은 항목으로, 텍스트는 "body" 아래에</translation>
    </message>
    <message>
      <source>One item per response: status, url, headers, body</source>
      <translation>응답마다 항목 하나: status, url, headers, body</translation>
    </message>
    <message>
      <source>Where the list of items is in a JSON answer; empty: the answer itself.</source>
      <translation>JSON 응답에서 항목 목록이 있는 위치. 비우면 응답 자체.</translation>
    </message>
    <message>
      <source>The attachment name of a file answer.</source>
      <translation>파일 응답의 첨부 이름.</translation>
    </message>
    <message>
      <source>Emit 4xx / 5xx answers as full responses instead of failing.</source>
      <translation>4xx / 5xx 응답을 실패 대신 전체 응답으로 내보냅니다.</translation>
    </message>
    <message>
      <source>The Link header's rel="next", or a URL in the answer</source>
      <translation>Link 헤더의 rel="next", 또는 응답 안의 URL</translation>
    </message>
    <message>
      <source>Counts a query parameter up until a page has no items</source>
      <translation>항목이 없는 페이지가 나올 때까지 쿼리 매개변수를 올립니다</translation>
    </message>
    <message>
      <source>Sends the answer's cursor back until it is empty</source>
      <translation>응답의 커서가 빌 때까지 다시 보냅니다</translation>
    </message>
    <message>
      <source>Empty: the Link header.</source>
      <translation>비우면 Link 헤더.</translation>
    </message>
    <message>
      <source>For each request; 0: no limit.</source>
      <translation>요청마다. 0: 제한 없음.</translation>
    </message>
    <message>
      <source>Accept self-signed and mismatched certificates. Unsafe outside test systems.</source>
      <translation>자체 서명되었거나 일치하지 않는 인증서를 받아들입니다. 테스트 시스템 밖에서는 안전하지 않습니다.</translation>
    </message>
    <message>
      <source>Trust these certificate authorities instead of the system's.</source>
      <translation>시스템의 인증 기관 대신 이 인증 기관을 신뢰합니다.</translation>
    </message>
    <message>
      <source>User name and password; or leave empty and use OAuth2 sign-in.</source>
      <translation>사용자 이름과 비밀번호. 또는 비워 두고 OAuth2 로그인을 쓰세요.</translation>
    </message>
    <message>
      <source>Instead of Login, for servers that want OAuth2 (Gmail, Microsoft 365): the account is the credential's username, the token is refreshed when it expires.</source>
      <translation>OAuth2를 원하는 서버(Gmail, Microsoft 365)에서 '로그인' 대신: 계정은 자격 증명의 username이고, 토큰은 만료되면 갱신됩니다.</translation>
    </message>
    <message>
      <source>IMAP SEARCH criteria: UNSEEN, ALL, FROM "ann", SUBJECT "invoice", SINCE 1-May-2024 ...</source>
      <translation>IMAP SEARCH 조건: UNSEEN, ALL, FROM "ann", SUBJECT "invoice", SINCE 1-May-2024 ...</translation>
    </message>
    <message>
      <source>The newest ones; 0: all that match.</source>
      <translation>최신 것부터. 0: 일치하는 것 전부.</translation>
    </message>
    <message>
      <source>0: all of them.</source>
      <translation>0: 전부.</translation>
    </message>
    <message>
      <source>A name found on PATH, or a path.</source>
      <translation>PATH에서 찾는 이름, 또는 경로.</translation>
    </message>
    <message>
      <source>Each row is one argument, passed as it is: no quoting, no globbing.</source>
      <translation>행마다 인수 하나, 그대로 전달: 따옴표 처리도 글로빙도 없음.</translation>
    </message>
    <message>
      <source>Empty: the flow file's folder.</source>
      <translation>비우면 플로 파일의 폴더.</translation>
    </message>
    <message>
      <source>The program is killed after this long; 0: no limit.</source>
      <translation>이 시간이 지나면 프로그램을 종료합니다. 0: 제한 없음.</translation>
    </message>
    <message>
      <source>Empty: send without logging in.</source>
      <translation>비우면 로그인 없이 보냅니다.</translation>
    </message>
    <message>
      <source>Comma-separated addresses.</source>
      <translation>쉼표로 구분한 주소.</translation>
    </message>
    <message>
      <source>With Text as well, mail programs choose.</source>
      <translation>텍스트도 있으면 메일 프로그램이 고릅니다.</translation>
    </message>
    <message>
      <source>Comma-separated names of the item's binary attachments; * for all.</source>
      <translation>항목의 바이너리 첨부 이름을 쉼표로 구분. *는 전부.</translation>
    </message>
    <message>
      <source>SQLite: the file (relative to the flow); PostgreSQL: the database name.</source>
      <translation>SQLite: 파일(플로 기준 상대 경로), PostgreSQL: 데이터베이스 이름.</translation>
    </message>
    <message>
      <source>SQLite: make the database file's folder when it is missing.</source>
      <translation>SQLite: 데이터베이스 파일의 폴더가 없으면 만듭니다.</translation>
    </message>
    <message>
      <source>Values go in as parameters (:name or ?), never into the SQL text.</source>
      <translation>값은 매개변수(:name 또는 ?)로 들어가며, SQL 텍스트에는 절대 들어가지 않습니다.</translation>
    </message>
    <message>
      <source>For :name; empty for the next ?</source>
      <translation>:name용. 비우면 다음 ?에.</translation>
    </message>
    <message>
      <source>Run the query once (with the first item's values) instead of once per item.</source>
      <translation>항목마다 대신 (첫 항목의 값으로) 쿼리를 한 번 실행합니다.</translation>
    </message>
    <message>
      <source>Comma-separated; empty: every field of the item.</source>
      <translation>쉼표로 구분. 비우면 항목의 모든 필드.</translation>
    </message>
    <message>
      <source>A unique key: a row with the same key is updated.</source>
      <translation>고유 키: 같은 키의 행은 갱신됩니다.</translation>
    </message>
    <message>
      <source>Everything or nothing; a skipped item (on error: continue) is rolled back alone</source>
      <translation>전부 아니면 전무. 건너뛴 항목(오류 시: 계속)만 따로 롤백됩니다</translation>
    </message>
    <message>
      <source>The X11 display to act on; empty: $DISPLAY.</source>
      <translation>작업할 X11 디스플레이. 비우면 $DISPLAY.</translation>
    </message>
    <message>
      <source>A regular expression the window title must contain a match for; empty: any title.</source>
      <translation>창 제목에 일치하는 부분이 있어야 하는 정규식. 비우면 아무 제목.</translation>
    </message>
    <message>
      <source>A regular expression for the window class (the program); empty: any.</source>
      <translation>창 클래스(프로그램)에 대한 정규식. 비우면 아무것이나.</translation>
    </message>
    <message>
      <source>A picture of the target, found on the screen wherever it moved (also at other zoom levels). Tried first.</source>
      <translation>대상의 그림. 화면 어디로 옮겨 갔든(다른 확대 수준에서도) 찾습니다. 가장 먼저 시도합니다.</translation>
    </message>
    <message>
      <source>Where to act inside the image, from its left edge; -1: its centre.</source>
      <translation>이미지 안에서 작업할 위치, 왼쪽 가장자리 기준. -1: 가운데.</translation>
    </message>
    <message>
      <source>1 is a perfect match; lower accepts more difference.</source>
      <translation>1은 완벽한 일치. 낮을수록 더 많은 차이를 허용합니다.</translation>
    </message>
    <message>
      <source>Words to find by OCR (a button's label, a menu entry); the action happens at their centre. Tried after the image, inside the window below when one is named.</source>
      <translation>OCR로 찾을 단어(버튼 레이블, 메뉴 항목). 작업은 그 가운데에서 일어납니다. 이미지 다음에, 창을 지정했으면 그 창 안에서 시도합니다.</translation>
    </message>
    <message>
      <source>Window-relative position: the window's exact title. Tried after the image.</source>
      <translation>창 기준 위치: 창의 정확한 제목. 이미지 다음에 시도합니다.</translation>
    </message>
    <message>
      <source>Absolute position, tried last; -1: none.</source>
      <translation>절대 위치, 마지막에 시도. -1: 없음.</translation>
    </message>
    <message>
      <source>When the image is not found, use the window-relative, then the absolute position (only where the recorded window really is).</source>
      <translation>이미지를 찾지 못하면 창 기준 위치, 그다음 절대 위치를 씁니다(녹화된 창이 실제로 있는 곳에서만).</translation>
    </message>
    <message>
      <source>How long to wait for the image to appear.</source>
      <translation>이미지가 나타나기를 기다리는 시간.</translation>
    </message>
    <message>
      <source>2 for a double click.</source>
      <translation>더블 클릭은 2.</translation>
    </message>
    <message>
      <source>Modifier keys held during the action: ctrl, alt, shift, super, joined with +.</source>
      <translation>작업하는 동안 누르고 있을 보조 키: ctrl, alt, shift, super를 +로 연결.</translation>
    </message>
    <message>
      <source>Off: the item gets image.found = false.</source>
      <translation>끄면 항목에 image.found = false가 들어갑니다.</translation>
    </message>
    <message>
      <source>The dialog window's title.</source>
      <translation>대화 상자 창의 제목.</translation>
    </message>
    <message>
      <source>The text shown in the dialog; {{ }} expressions use the item.</source>
      <translation>대화 상자에 보이는 텍스트. {{ }} 표현식은 항목을 씁니다.</translation>
    </message>
    <message>
      <source>Title and message use the first item; the answer joins every item.</source>
      <translation>제목과 메시지는 첫 항목을 쓰고, 답은 모든 항목에 추가됩니다.</translation>
    </message>
    <message>
      <source>Close the dialog after this long without an answer. 0: no limit when a person started the run (CLI, studio); a run started by a trigger (schedule, file watch, webhook) waits at most 600 s.</source>
      <translation>답이 없으면 이 시간 뒤에 대화 상자를 닫습니다. 0: 사람이 시작한 실행(CLI, 스튜디오)에서는 제한 없음, 트리거(일정, 파일 감시, 웹훅)로 시작한 실행에서는 최대 600초.</translation>
    </message>
    <message>
      <source>The item also gets "timedOut": true.</source>
      <translation>항목에 "timedOut": true도 들어갑니다.</translation>
    </message>
    <message>
      <source>Typed characters are hidden; the answer is still stored in the item like any value.</source>
      <translation>입력한 문자는 가려지지만, 답은 다른 값처럼 항목에 저장됩니다.</translation>
    </message>
    <message>
      <source>Filled in when the dialog opens, and the answer when it times out. For a choice: one of the choices (empty: the first).</source>
      <translation>대화 상자가 열릴 때 채워지는 값이자 시간 초과 때의 답. 선택의 경우: 선택지 중 하나(비우면 첫 번째).</translation>
    </message>
    <message>
      <source>One choice per line.</source>
      <translation>한 줄에 선택지 하나.</translation>
    </message>
    <message>
      <source>0: a whole number.</source>
      <translation>0: 정수.</translation>
    </message>
    <message>
      <source>The item gets "cancelled": true and a null answer.</source>
      <translation>항목에 "cancelled": true와 null 답이 들어갑니다.</translation>
    </message>
    <message>
      <source>The program and its arguments; quote arguments with spaces. No shell.</source>
      <translation>프로그램과 인수. 공백이 있는 인수는 따옴표로 묶으세요. 셸 없음.</translation>
    </message>
    <message>
      <source>A regular expression; empty: do not wait for a window.</source>
      <translation>정규식. 비우면 창을 기다리지 않습니다.</translation>
    </message>
    <message>
      <source>Button labels, separated by commas: "Yes, No". The label of the one clicked goes into the output field.</source>
      <translation>쉼표로 구분한 버튼 레이블: "Yes, No". 누른 버튼의 레이블이 출력 필드에 들어갑니다.</translation>
    </message>
    <message>
      <source>The button Enter presses, and the answer when the dialog times out; empty: the first.</source>
      <translation>Enter가 누르는 버튼이자 시간 초과 때의 답. 비우면 첫 번째.</translation>
    </message>
    <message>
      <source>A rectangle to read (inside the window when one is named, else on the screen); width or height 0: all of it.</source>
      <translation>읽을 사각형(창을 지정했으면 그 안, 아니면 화면). 너비나 높이가 0이면 전체.</translation>
    </message>
    <message>
      <source>Tesseract languages joined by +, e.g. eng+kor.</source>
      <translation>+로 연결한 Tesseract 언어, 예: eng+kor.</translation>
    </message>
    <message>
      <source>2 replays twice as fast (pauses and waits shrink too).</source>
      <translation>2면 두 배 빠르게 재생합니다(멈춤과 기다림도 줄어듦).</translation>
    </message>
    <message>
      <source>How long each step waits for its target to appear.</source>
      <translation>각 단계가 대상이 나타나기를 기다리는 시간.</translation>
    </message>
    <message>
      <source>0: to the right edge of the screen.</source>
      <translation>0: 화면 오른쪽 끝까지.</translation>
    </message>
    <message>
      <source>0: to the bottom of the screen.</source>
      <translation>0: 화면 아래쪽 끝까지.</translation>
    </message>
    <message>
      <source>Negative scrolls up.</source>
      <translation>음수면 위로 스크롤합니다.</translation>
    </message>
    <message>
      <source>Negative scrolls left.</source>
      <translation>음수면 왼쪽으로 스크롤합니다.</translation>
    </message>
    <message>
      <source>Which field of the credential to type: password or username.</source>
      <translation>입력할 자격 증명의 필드: password 또는 username.</translation>
    </message>
    <message>
      <source>For text an input method would intercept (Korean, Japanese, ...): puts it on the clipboard and presses ctrl+v.</source>
      <translation>입력기가 가로챌 텍스트(한국어, 일본어 등)용: 클립보드에 넣고 ctrl+v를 누릅니다.</translation>
    </message>
    <message>
      <source>The words to wait for; case and spacing are ignored.</source>
      <translation>기다릴 단어. 대소문자와 공백은 무시합니다.</translation>
    </message>
    <message>
      <source>An image or PDF attached to the item (Read Files, HTTP)</source>
      <translation>항목에 첨부된 이미지나 PDF(파일 읽기, HTTP)</translation>
    </message>
    <message>
      <source>Tesseract languages joined by '+', e.g. eng+kor.</source>
      <translation>'+'로 연결한 Tesseract 언어, 예: eng+kor.</translation>
    </message>
    <message>
      <source>Steps to switch on (or off with '-'): documentBoundary, removeShadows, upscale, denoise, deskew, orientation, binarize. Empty: the defaults (upscale, deskew).</source>
      <translation>켤(또는 '-'로 끌) 단계: documentBoundary, removeShadows, upscale, denoise, deskew, orientation, binarize. 비우면 기본값(upscale, deskew).</translation>
    </message>
    <message>
      <source>Off: a resident registration number keeps only its birth date and sex digit.</source>
      <translation>끄면 주민등록번호는 생년월일과 성별 숫자만 남깁니다.</translation>
    </message>
    <message>
      <source>Tesseract's page segmentation mode: 3 automatic, 4 one column, 6 one block, 7 one line, 11 sparse text.</source>
      <translation>Tesseract의 페이지 분할 모드: 3 자동, 4 한 열, 6 한 블록, 7 한 줄, 11 드문 텍스트.</translation>
    </message>
    <message>
      <source>Relative paths start at the flow file's folder.</source>
      <translation>상대 경로는 플로 파일의 폴더에서 시작합니다.</translation>
    </message>
    <message>
      <source>Common in countries that write decimals with a comma</source>
      <translation>소수점을 쉼표로 쓰는 나라에서 흔함</translation>
    </message>
    <message>
      <source>Encloses values that hold the delimiter, quotes or line breaks.</source>
      <translation>구분 기호, 따옴표, 줄 바꿈이 든 값을 감쌉니다.</translation>
    </message>
    <message>
      <source>Off: the fields are named column1, column2, ...</source>
      <translation>끄면 필드 이름이 column1, column2, ...가 됩니다.</translation>
    </message>
    <message>
      <source>The text encoding. "auto" reads a byte order mark and otherwise assumes UTF-8.</source>
      <translation>텍스트 인코딩. "auto"는 바이트 순서 표시를 읽고, 없으면 UTF-8로 가정합니다.</translation>
    </message>
    <message>
      <source>Remove spaces and tabs around values (never inside quotes).</source>
      <translation>값 앞뒤의 공백과 탭을 없앱니다(따옴표 안은 그대로).</translation>
    </message>
    <message>
      <source>Turn 42, 3.5 and true into numbers and booleans. Values with leading zeros (007) stay text. Off: every value is text, exactly as in the file.</source>
      <translation>42, 3.5, true를 숫자와 불리언으로 바꿉니다. 앞에 0이 있는 값(007)은 텍스트로 남습니다. 끄면 모든 값이 파일 그대로의 텍스트입니다.</translation>
    </message>
    <message>
      <source>Fail on a row with more or fewer values than the header. Off: missing values are empty and extra values become fields named column&lt;N&gt;.</source>
      <translation>머리글보다 값이 많거나 적은 행에서 실패합니다. 끄면 빠진 값은 비고, 남는 값은 column&lt;N&gt; 필드가 됩니다.</translation>
    </message>
    <message>
      <source>Stop after this many rows; 0 reads them all.</source>
      <translation>이만큼의 행 뒤에 멈춥니다. 0이면 전부 읽습니다.</translation>
    </message>
    <message>
      <source>* and ? match within a name, ** any number of folders, {a,b} either. A pattern that matches nothing emits nothing and logs a warning; a missing plain path is an error.</source>
      <translation>*와 ?는 이름 안에서, **는 여러 단계의 폴더, {a,b}는 둘 중 하나와 일치합니다. 아무것도 일치하지 않는 패턴은 아무것도 내보내지 않고 경고를 남기며, 없는 일반 경로는 오류입니다.</translation>
    </message>
    <message>
      <source>For PDFs, images and anything else</source>
      <translation>PDF, 이미지, 그 밖의 모든 것</translation>
    </message>
    <message>
      <source>Into the field "text"</source>
      <translation>"text" 필드에</translation>
    </message>
    <message>
      <source>.jsonl and .ndjson are JSON Lines</source>
      <translation>.jsonl과 .ndjson은 JSON Lines</translation>
    </message>
    <message>
      <source>One value per line</source>
      <translation>한 줄에 값 하나</translation>
    </message>
    <message>
      <source>Where the items are in the document; empty: the whole document.</source>
      <translation>문서에서 항목이 있는 위치. 비우면 문서 전체.</translation>
    </message>
    <message>
      <source>Empty: the first sheet.</source>
      <translation>비우면 첫 시트.</translation>
    </message>
    <message>
      <source>Relative paths start at the flow file's folder. Expressions see the first item.</source>
      <translation>상대 경로는 플로 파일의 폴더에서 시작합니다. 표현식은 첫 항목을 봅니다.</translation>
    </message>
    <message>
      <source>Values with the delimiter, quotes or line breaks</source>
      <translation>구분 기호, 따옴표, 줄 바꿈이 든 값</translation>
    </message>
    <message>
      <source>Write the column names first (not when appending to a file that has content).</source>
      <translation>열 이름을 먼저 씁니다(내용이 있는 파일에 덧붙일 때는 제외).</translation>
    </message>
    <message>
      <source>Field names in column order, separated by commas. Empty: the first item's fields (appending: the file's header).</source>
      <translation>열 순서대로의 필드 이름, 쉼표로 구분. 비우면 첫 항목의 필드(덧붙일 때: 파일의 머리글).</translation>
    </message>
    <message>
      <source>The text encoding, by name (utf-8, utf-16, utf-16le, latin1, windows-1252, shift_jis, ...).</source>
      <translation>이름으로 지정하는 텍스트 인코딩(utf-8, utf-16, utf-16le, latin1, windows-1252, shift_jis, ...).</translation>
    </message>
    <message>
      <source>Start the file with a byte order mark: Excel needs it to show accents in a UTF-8 file correctly.</source>
      <translation>파일을 바이트 순서 표시로 시작합니다. Excel이 UTF-8 파일의 악센트를 제대로 보여 주려면 필요합니다.</translation>
    </message>
    <message>
      <source>Written to a temporary file first and renamed: never half-written.</source>
      <translation>먼저 임시 파일에 쓰고 이름을 바꿉니다: 반쯤 쓰인 파일은 없습니다.</translation>
    </message>
    <message>
      <source>Create the file's folder (and its parents) when it does not exist.</source>
      <translation>파일의 폴더(와 상위 폴더)가 없으면 만듭니다.</translation>
    </message>
    <message>
      <source>Text with {{ expressions }}; an object or a list is written as JSON.</source>
      <translation>{{ 표현식 }}이 든 텍스트. 객체나 목록은 JSON으로 씁니다.</translation>
    </message>
    <message>
      <source>One item per line; can be appended to</source>
      <translation>한 줄에 항목 하나. 덧붙일 수 있음</translation>
    </message>
    <message>
      <source>Appending needs the JSON Lines format.</source>
      <translation>덧붙이려면 JSON Lines 형식이어야 합니다.</translation>
    </message>
    <message>
      <source>Comma-separated; empty: every field, in the order first seen.</source>
      <translation>쉼표로 구분. 비우면 처음 본 순서대로 모든 필드.</translation>
    </message>
    <message>
      <source>Each rule compares a field of the item with a value.</source>
      <translation>각 규칙은 항목의 필드를 값과 비교합니다.</translation>
    </message>
    <message>
      <source>Input 1's items, then input 2's, ...</source>
      <translation>입력 1의 항목, 그다음 입력 2의 항목, ...</translation>
    </message>
    <message>
      <source>Join input 1 and input 2 on key fields</source>
      <translation>키 필드로 입력 1과 입력 2를 조인</translation>
    </message>
    <message>
      <source>The first items together, the second items together, ...</source>
      <translation>첫 항목끼리, 두 번째 항목끼리, ...</translation>
    </message>
    <message>
      <source>Pass input 1 on once every input has finished</source>
      <translation>모든 입력이 끝나면 입력 1을 한 번 전달</translation>
    </message>
    <message>
      <source>7 matches "7" (CSV cells are text); "007" still matches only "007".</source>
      <translation>7은 "7"과 일치합니다(CSV 셀은 텍스트). "007"은 여전히 "007"과만 일치합니다.</translation>
    </message>
    <message>
      <source>When the inputs differ in length, the longer ones' extra items come out too; otherwise pairing stops at the shortest input.</source>
      <translation>입력의 길이가 다르면 긴 쪽의 남는 항목도 나옵니다. 그렇지 않으면 가장 짧은 입력에서 짝짓기를 멈춥니다.</translation>
    </message>
    <message>
      <source>A field whose value picks the case, or an expression.</source>
      <translation>값으로 경우를 고르는 필드, 또는 표현식.</translation>
    </message>
    <message>
      <source>Numbers match numeric text (5 matches "5").</source>
      <translation>숫자는 숫자 텍스트와 일치합니다(5는 "5"와 일치).</translation>
    </message>
    <message>
      <source>Otherwise items that match no case are dropped.</source>
      <translation>그렇지 않으면 어느 경우에도 맞지 않는 항목은 버려집니다.</translation>
    </message>
    <message>
      <source>Items with equal values in these fields form a group. None: all items form one group.</source>
      <translation>이 필드들의 값이 같은 항목이 한 그룹이 됩니다. 없으면 모든 항목이 한 그룹.</translation>
    </message>
    <message>
      <source>Missing values (absent, null or empty) are skipped. Numbers written as text count as numbers.</source>
      <translation>빠진 값(없음, null, 빈 값)은 건너뜁니다. 텍스트로 쓴 숫자도 숫자로 셉니다.</translation>
    </message>
    <message>
      <source>Sum and average ignore such values instead of failing the item.</source>
      <translation>합계와 평균은 그런 값 때문에 항목을 실패시키지 않고 무시합니다.</translation>
    </message>
    <message>
      <source>A field holding the date, or an expression.</source>
      <translation>날짜가 든 필드, 또는 표현식.</translation>
    </message>
    <message>
      <source>Empty: ISO 8601, Unix seconds or RFC 2822, whichever fits. Or unix, unixMs, iso, rfc2822, or a pattern like dd.MM.yyyy HH:mm (MMM: month name).</source>
      <translation>비우면 ISO 8601, Unix 초, RFC 2822 중 맞는 것. 또는 unix, unixMs, iso, rfc2822, 또는 dd.MM.yyyy HH:mm 같은 패턴(MMM: 월 이름).</translation>
    </message>
    <message>
      <source>iso, unix, unixMs, rfc2822, or a pattern like yyyy-MM-dd HH:mm (MMMM: month name, dddd: weekday, t: time zone).</source>
      <translation>iso, unix, unixMs, rfc2822, 또는 yyyy-MM-dd HH:mm 같은 패턴(MMMM: 월 이름, dddd: 요일, t: 시간대).</translation>
    </message>
    <message>
      <source>The result is this date minus the first, in the unit.</source>
      <translation>결과는 이 날짜에서 첫 날짜를 뺀 값이며, 지정한 단위로 나옵니다.</translation>
    </message>
    <message>
      <source>An IANA name. Dates written without an offset are read in it, and results are written in it.</source>
      <translation>IANA 이름. 오프셋 없이 쓴 날짜는 이 시간대로 읽고, 결과도 이 시간대로 씁니다.</translation>
    </message>
    <message>
      <source>Empty: replace the date field (difference: "difference").</source>
      <translation>비우면 날짜 필드를 바꿉니다(차이: "difference").</translation>
    </message>
    <message>
      <source>The field holding the text, e.g. subject</source>
      <translation>텍스트가 든 필드, 예: subject</translation>
    </message>
    <message>
      <source>A PCRE pattern; named groups (?&lt;name&gt;...) become fields</source>
      <translation>PCRE 패턴. 이름 있는 그룹 (?&lt;name&gt;...)이 필드가 됩니다</translation>
    </message>
    <message>
      <source>i: ignore case, m: multi-line, s: dot matches newlines, x: extended</source>
      <translation>i: 대소문자 무시, m: 여러 줄, s: 점이 줄 바꿈과 일치, x: 확장</translation>
    </message>
    <message>
      <source>Where to put the whole match when the pattern has no named groups</source>
      <translation>패턴에 이름 있는 그룹이 없을 때 전체 일치를 넣을 곳</translation>
    </message>
    <message>
      <source>Collect every match into a list (in the target field) instead of the first</source>
      <translation>첫 일치 대신 모든 일치를 (대상 필드에) 목록으로 모읍니다</translation>
    </message>
    <message>
      <source>Where the text goes. Empty: the converted field itself, or "json" for the whole item.</source>
      <translation>텍스트를 넣을 곳. 비우면 변환한 필드 자체, 항목 전체라면 "json".</translation>
    </message>
    <message>
      <source>Indent with two spaces, one field per line.</source>
      <translation>두 칸 들여쓰기, 한 줄에 필드 하나.</translation>
    </message>
    <message>
      <source>The object's fields become the item's fields</source>
      <translation>객체의 필드가 항목의 필드가 됩니다</translation>
    </message>
    <message>
      <source>Drop every field of the item that is not set here.</source>
      <translation>여기서 설정하지 않은 항목의 필드는 모두 버립니다.</translation>
    </message>
    <message>
      <source>The first field decides; later fields break ties.</source>
      <translation>첫 필드가 정하고, 뒤의 필드는 같을 때 순서를 가립니다.</translation>
    </message>
    <message>
      <source>Where each element goes (text, numbers, and objects when not merged). Empty: the list field's own name.</source>
      <translation>각 요소를 넣을 곳(텍스트, 숫자, 그리고 병합하지 않을 때의 객체). 비우면 목록 필드 자체의 이름.</translation>
    </message>
    <message>
      <source>relative to the flow file's folder unless absolute</source>
      <translation>절대 경로가 아니면 플로 파일의 폴더 기준</translation>
    </message>
    <message>
      <source>how long a file must stay the same size before it fires</source>
      <translation>파일 크기가 얼마 동안 그대로여야 발생하는지</translation>
    </message>
    <message>
      <source>minute hour day-of-month month day-of-week, or 6 fields with seconds first; L, W, # and names are allowed</source>
      <translation>분 시 일 월 요일, 또는 초를 앞에 둔 6개 필드. L, W, #과 이름을 쓸 수 있습니다</translation>
    </message>
    <message>
      <source>ISO-8601; without an offset it is read in the time zone below</source>
      <translation>ISO-8601. 오프셋이 없으면 아래 시간대로 읽습니다</translation>
    </message>
    <message>
      <source>An IANA time zone; empty: the machine's zone. Intervals are exact durations and need none.</source>
      <translation>IANA 시간대. 비우면 컴퓨터의 시간대. 간격은 정확한 시간 길이라 필요 없습니다.</translation>
    </message>
    <message>
      <source>letters, digits, '-', '_', '.' and '/'; unique among the daemon's flows</source>
      <translation>문자, 숫자, '-', '_', '.', '/'. 데몬의 플로 사이에서 고유해야 함</translation>
    </message>
    <message>
      <source>empty: the daemon's token (&lt;data dir&gt;/daemon/token)</source>
      <translation>비우면 데몬의 토큰(&lt;data dir&gt;/daemon/token)</translation>
    </message>
    <message>
      <source>empty: {"runId": "..."}</source>
      <translation>비우면: {"runId": "..."}</translation>
    </message>
  </context>
</TS>
