<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
    <context>
        <name>QObject</name>
        <message>
            <source>Unknown type %1</source>
            <translation>알 수 없는 유형 %1</translation>
        </message>
        <message>
            <source>Output pinned: runs reuse the pinned items instead of executing this node.</source>
            <translation>출력 고정됨: 실행 시 이 노드를 실행하지 않고 고정된 항목을 다시 사용합니다.</translation>
        </message>
        <message>
            <source>%1 · disabled</source>
            <translation>%1 · 비활성</translation>
        </message>
        <message>
            <source>pinned</source>
            <translation>고정됨</translation>
        </message>
        <message>
            <source>Sticky note: double-click to edit</source>
            <translation>메모: 더블클릭하여 편집</translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::Autosave</name>
        <message>
            <source>cannot create the recovery folder %1</source>
            <translation>복구 폴더 %1을(를) 만들 수 없습니다</translation>
        </message>
        <message>
            <source>autosave to %1 failed: %2</source>
            <translation>%1에 자동 저장 실패: %2</translation>
        </message>
        <message>
            <source>%1: cannot read: %2</source>
            <translation>%1: 읽을 수 없음: %2</translation>
        </message>
        <message>
            <source>%1: too large for a recovery file (%2 bytes)</source>
            <translation>%1: 복구 파일로는 너무 큼 (%2바이트)</translation>
        </message>
        <message>
            <source>%1: not valid JSON (line %2): %3</source>
            <translation>%1: 올바른 JSON이 아님 (%2행): %3</translation>
        </message>
        <message>
            <source>%1: not a Taskloom recovery file</source>
            <translation>%1: Taskloom 복구 파일이 아님</translation>
        </message>
        <message>
            <source>%1: the flow in it cannot be read: %2</source>
            <translation>%1: 안에 든 플로를 읽을 수 없음: %2</translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::CodeEditor</name>
        <message>
            <source>Error on this line</source>
            <translation>이 줄에 오류가 있습니다</translation>
        </message>
        <message>
            <source>Last run: %1</source>
            <translation>마지막 실행: %1</translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::ConnectionRules</name>
        <message>
            <source>Wrong direction: connect an output to an input, not two outputs</source>
            <translation>방향 오류: 출력 두 개가 아니라 출력을 입력에 연결하세요</translation>
        </message>
        <message>
            <source>Wrong direction: connect an output to an input, not two inputs</source>
            <translation>방향 오류: 입력 두 개가 아니라 출력을 입력에 연결하세요</translation>
        </message>
        <message>
            <source>The node no longer exists</source>
            <translation>노드가 더 이상 없습니다</translation>
        </message>
        <message>
            <source>Cycle: a node cannot feed itself</source>
            <translation>순환: 노드는 자기 자신에게 데이터를 보낼 수 없습니다</translation>
        </message>
        <message>
            <source>Wrong direction: "%1" is an input</source>
            <translation>방향 오류: "%1"은(는) 입력입니다</translation>
        </message>
        <message>
            <source>Incompatible: "%1" has no output "%2"</source>
            <translation>호환 안 됨: "%1"에 출력 "%2"이(가) 없습니다</translation>
        </message>
        <message>
            <source>Wrong direction: "%1" is an output</source>
            <translation>방향 오류: "%1"은(는) 출력입니다</translation>
        </message>
        <message>
            <source>Incompatible: "%1" has no input "%2"</source>
            <translation>호환 안 됨: "%1"에 입력 "%2"이(가) 없습니다</translation>
        </message>
        <message>
            <source>Incompatible: "%1" is a node type this build does not know</source>
            <translation>호환 안 됨: "%1"은(는) 이 빌드가 모르는 노드 유형입니다</translation>
        </message>
        <message>
            <source>Already connected</source>
            <translation>이미 연결됨</translation>
        </message>
        <message>
            <source>Cycle: "%1" already feeds "%2" (only a loop's return input may close a loop)</source>
            <translation>순환: "%1"이(가) 이미 "%2"에 데이터를 보냅니다 (루프의 return 입력만 루프를 닫을 수 있습니다)</translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::CredentialsDialog</name>
        <message>
            <source>Edit…</source>
            <translation>편집…</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>삭제</translation>
        </message>
        <message>
            <source>Credentials</source>
            <translation>자격 증명</translation>
        </message>
        <message>
            <source>New…</source>
            <translation>새로 만들기…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>닫기</translation>
        </message>
        <message>
            <source>Flows refer to credentials by name. Values are encrypted in the vault and secret fields are never shown again after saving.</source>
            <translation>플로는 자격 증명을 이름으로 참조합니다. 값은 금고에 암호화되어 저장되며, 비밀 필드는 저장한 뒤 다시 표시되지 않습니다.</translation>
        </message>
        <message>
            <source>The vault cannot be read: %1</source>
            <translation>금고를 읽을 수 없습니다: %1</translation>
        </message>
        <message>
            <source>Delete credential</source>
            <translation>자격 증명 삭제</translation>
        </message>
        <message>
            <source>Delete "%1"? Flows that use it will fail until it exists again.</source>
            <translation>"%1"을(를) 삭제할까요? 이것을 쓰는 플로는 다시 만들 때까지 실패합니다.</translation>
        </message>
        <message>
            <source>New credential</source>
            <translation>새 자격 증명</translation>
        </message>
        <message>
            <source>Edit "%1"</source>
            <translation>"%1" 편집</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>이름</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>유형</translation>
        </message>
        <message>
            <source>secret</source>
            <translation>비밀</translation>
        </message>
        <message>
            <source>unchanged (type to replace)</source>
            <translation>변경 없음 (바꾸려면 입력)</translation>
        </message>
        <message>
            <source>A credential called "%1" exists already.</source>
            <translation>"%1"(이)라는 자격 증명이 이미 있습니다.</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>선택 사항</translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::FlowClipboard</name>
        <message>
            <source>the clipboard is empty</source>
            <translation>클립보드가 비어 있습니다</translation>
        </message>
        <message>
            <source>the clipboard holds no flow JSON (%1)</source>
            <translation>클립보드에 플로 JSON이 없습니다 (%1)</translation>
        </message>
        <message>
            <source>the flow JSON on the clipboard has no nodes or notes</source>
            <translation>클립보드의 플로 JSON에 노드나 메모가 없습니다</translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::FlowDocument</name>
        <message>
            <source>Untitled</source>
            <translation>제목 없음</translation>
        </message>
        <message>
            <source>New flow</source>
            <translation>새 플로</translation>
        </message>
        <message>
            <source>no file name to save to</source>
            <translation>저장할 파일 이름이 없습니다</translation>
        </message>
        <message>
            <source>could not save %1: %2</source>
            <translation>%1을(를) 저장할 수 없습니다: %2</translation>
        </message>
        <message>
            <source>Add "%1"</source>
            <translation>"%1" 추가</translation>
        </message>
        <message>
            <source>Connect "%1" to "%2"</source>
            <translation>"%1"을(를) "%2"에 연결</translation>
        </message>
        <message>
            <source>Disconnect "%1" from "%2"</source>
            <translation>"%1"과(와) "%2" 연결 해제</translation>
        </message>
        <message>
            <source>Edit "%1"</source>
            <translation>"%1" 편집</translation>
        </message>
        <message>
            <source>Edit %1 of "%2"</source>
            <translation>"%2"의 %1 편집</translation>
        </message>
        <message>
            <source>Change settings of "%1"</source>
            <translation>"%1" 설정 변경</translation>
        </message>
        <message>
            <source>no node with id %1</source>
            <translation>ID가 %1인 노드가 없습니다</translation>
        </message>
        <message>
            <source>a node needs a name</source>
            <translation>노드에는 이름이 필요합니다</translation>
        </message>
        <message>
            <source>another node is already called "%1"</source>
            <translation>다른 노드가 이미 "%1"(이)라는 이름을 씁니다</translation>
        </message>
        <message>
            <source>Rename "%1" to "%2"</source>
            <translation>"%1"의 이름을 "%2"(으)로 변경</translation>
        </message>
        <message>
            <source>Add sticky note</source>
            <translation>메모 추가</translation>
        </message>
        <message numerus="yes">
            <source>Pin output of "%1" (%n item(s))</source>
            <translation>
                <numerusform>"%1"의 출력 고정 (항목 %n개)</numerusform>
            </translation>
        </message>
        <message>
            <source>Unpin output of "%1"</source>
            <translation>"%1"의 출력 고정 해제</translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::FlowScene</name>
        <message>
            <source>Align left</source>
            <translation>왼쪽 맞춤</translation>
        </message>
        <message>
            <source>Align right</source>
            <translation>오른쪽 맞춤</translation>
        </message>
        <message>
            <source>Align top</source>
            <translation>위쪽 맞춤</translation>
        </message>
        <message>
            <source>Align bottom</source>
            <translation>아래쪽 맞춤</translation>
        </message>
        <message>
            <source>Align centres</source>
            <translation>가운데 맞춤</translation>
        </message>
        <message>
            <source>Align middles</source>
            <translation>중간 맞춤</translation>
        </message>
        <message>
            <source>Distribute horizontally</source>
            <translation>가로로 고르게 분포</translation>
        </message>
        <message>
            <source>Distribute vertically</source>
            <translation>세로로 고르게 분포</translation>
        </message>
        <message>
            <source>Align</source>
            <translation>정렬</translation>
        </message>
        <message>
            <source>Not connected: %1</source>
            <translation>연결되지 않음: %1</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>이동</translation>
        </message>
        <message numerus="yes">
            <source>Move %n items</source>
            <translation>
                <numerusform>항목 %n개 이동</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::InspectorWidget</name>
        <message>
            <source>Next runs: none — %1</source>
            <translation>다음 실행: 없음 — %1</translation>
        </message>
        <message>
            <source>Next runs: none (the time has passed)</source>
            <translation>다음 실행: 없음 (시각이 지났습니다)</translation>
        </message>
        <message>
            <source>Next runs (%1):</source>
            <translation>다음 실행 (%1):</translation>
        </message>
        <message>
            <source>Select a node to edit its parameters.

Double-click the canvas or press Tab to add one.</source>
            <translation>노드를 선택하면 매개변수를 편집할 수 있습니다.

노드를 추가하려면 캔버스를 더블클릭하거나 Tab 키를 누르세요.</translation>
        </message>
        <message>
            <source>Node name</source>
            <translation>노드 이름</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>매개변수</translation>
        </message>
        <message>
            <source>Unknown type</source>
            <translation>알 수 없는 유형</translation>
        </message>
        <message>
            <source>This build has no node type "%1". The node is kept as it is and saved back unchanged; the flow cannot run until a pack provides the type.</source>
            <translation>이 빌드에는 노드 유형 "%1"이(가) 없습니다. 노드는 그대로 유지되고 변경 없이 저장됩니다. 이 유형을 제공하는 팩이 있어야 플로를 실행할 수 있습니다.</translation>
        </message>
        <message>
            <source>This node has no parameters.</source>
            <translation>이 노드에는 매개변수가 없습니다.</translation>
        </message>
        <message>
            <source>Run the flow to see this value on its first input item.</source>
            <translation>플로를 실행하면 첫 번째 입력 항목에서의 값을 볼 수 있습니다.</translation>
        </message>
        <message>
            <source>No preview: this node received no items in the last run.</source>
            <translation>미리 보기 없음: 지난 실행에서 이 노드가 받은 항목이 없습니다.</translation>
        </message>
        <message>
            <source>Override the node type's retry policy</source>
            <translation>노드 유형의 재시도 정책 덮어쓰기</translation>
        </message>
        <message>
            <source> s</source>
            <translation>초</translation>
        </message>
        <message>
            <source>no timeout</source>
            <translation>시간 제한 없음</translation>
        </message>
        <message>
            <source>Stop the run</source>
            <translation>실행 중지</translation>
        </message>
        <message>
            <source>Continue (error in the item)</source>
            <translation>계속 (항목에 오류 기록)</translation>
        </message>
        <message>
            <source>Route to an "error" output</source>
            <translation>"error" 출력으로 보내기</translation>
        </message>
        <message>
            <source>Disabled (items pass straight through)</source>
            <translation>비활성 (항목을 그대로 통과)</translation>
        </message>
        <message>
            <source>Why this node is here</source>
            <translation>이 노드가 있는 이유</translation>
        </message>
        <message>
            <source>Retries</source>
            <translation>재시도</translation>
        </message>
        <message>
            <source>First backoff</source>
            <translation>첫 대기 시간</translation>
        </message>
        <message>
            <source>Timeout</source>
            <translation>시간 제한</translation>
        </message>
        <message>
            <source>On error</source>
            <translation>오류 시</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>메모</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>설정</translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::ListEditor</name>
        <message>
            <source>+ Add row</source>
            <translation>+ 행 추가</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>제거</translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::LuaRunPane</name>
        <message>
            <source>▶ Run this node</source>
            <translation>▶ 이 노드 실행</translation>
        </message>
        <message>
            <source>Runs only this node on the inputs it had in the last run (or, without a last run, the nodes it needs and then this one), and shows its log below</source>
            <translation>마지막 실행에서 받은 입력으로 이 노드만 실행하고(마지막 실행이 없으면 필요한 노드를 먼저 실행한 뒤 이 노드를 실행), 아래에 로그를 표시합니다</translation>
        </message>
        <message>
            <source>ctx.log and print output of this node appears here after a run.</source>
            <translation>실행 후 이 노드의 ctx.log 및 print 출력이 여기에 표시됩니다.</translation>
        </message>
        <message>
            <source>Running…</source>
            <translation>실행 중…</translation>
        </message>
        <message>
            <source>Not run yet.</source>
            <translation>아직 실행하지 않았습니다.</translation>
        </message>
        <message>
            <source>Failed: %1</source>
            <translation>실패: %1</translation>
        </message>
        <message>
            <source>error: %1</source>
            <translation>오류: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n item(s) out</source>
            <translation>
                <numerusform>출력 항목 %n개</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::MacroStepModel</name>
        <message>
            <source>Click</source>
            <translation>클릭</translation>
        </message>
        <message>
            <source>Drag</source>
            <translation>드래그</translation>
        </message>
        <message>
            <source>Scroll</source>
            <translation>스크롤</translation>
        </message>
        <message>
            <source>Type text</source>
            <translation>텍스트 입력</translation>
        </message>
        <message>
            <source>Type secret</source>
            <translation>비밀 입력</translation>
        </message>
        <message>
            <source>Press keys</source>
            <translation>키 누르기</translation>
        </message>
        <message>
            <source>Wait</source>
            <translation>대기</translation>
        </message>
        <message>
            <source>Wait for window</source>
            <translation>창 대기</translation>
        </message>
        <message>
            <source>title ~ %1</source>
            <translation>제목 ~ %1</translation>
        </message>
        <message>
            <source>class ~ %1</source>
            <translation>클래스 ~ %1</translation>
        </message>
        <message>
            <source>any window</source>
            <translation>모든 창</translation>
        </message>
        <message>
            <source>screen %1, %2</source>
            <translation>화면 %1, %2</translation>
        </message>
        <message>
            <source>credential %1 (%2)</source>
            <translation>자격 증명 %1 (%2)</translation>
        </message>
        <message>
            <source>right</source>
            <translation>오른쪽</translation>
        </message>
        <message>
            <source>middle</source>
            <translation>가운데</translation>
        </message>
        <message>
            <source>left</source>
            <translation>왼쪽</translation>
        </message>
        <message>
            <source>%1 button, double</source>
            <translation>%1 버튼, 더블클릭</translation>
        </message>
        <message>
            <source>%1 button</source>
            <translation>%1 버튼</translation>
        </message>
        <message>
            <source>by %1, %2</source>
            <translation>%1, %2만큼</translation>
        </message>
        <message>
            <source>%1 down, %2 right</source>
            <translation>아래로 %1, 오른쪽으로 %2</translation>
        </message>
        <message>
            <source>failed: %1</source>
            <translation>실패: %1</translation>
        </message>
        <message>
            <source>ok</source>
            <translation>성공</translation>
        </message>
        <message>
            <source>ok by %1</source>
            <translation>성공 (%1)</translation>
        </message>
        <message>
            <source> (score %1)</source>
            <translation> (점수 %1)</translation>
        </message>
        <message>
            <source>, %1 ms</source>
            <translation>, %1ms</translation>
        </message>
        <message>
            <source>Window "%1", class %2</source>
            <translation>창 "%1", 클래스 %2</translation>
        </message>
        <message>
            <source>Anchor image: replay looks for it on the screen and clicks at the same place inside it</source>
            <translation>앵커 이미지: 재생 시 화면에서 이 이미지를 찾아 그 안의 같은 위치를 클릭합니다</translation>
        </message>
        <message>
            <source>Double-click to edit the keys, e.g. ctrl+s</source>
            <translation>더블클릭하여 키 편집 (예: ctrl+s)</translation>
        </message>
        <message>
            <source>Double-click to edit; {{ }} expressions are allowed</source>
            <translation>더블클릭하여 편집; {{ }} 표현식을 쓸 수 있습니다</translation>
        </message>
        <message>
            <source>%1 ms</source>
            <translation>%1ms</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>단계</translation>
        </message>
        <message>
            <source>Anchor</source>
            <translation>앵커</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>대상</translation>
        </message>
        <message>
            <source>Text / keys</source>
            <translation>텍스트 / 키</translation>
        </message>
        <message>
            <source>Delay</source>
            <translation>지연</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>결과</translation>
        </message>
        <message>
            <source>Edit text of step %1</source>
            <translation>%1단계 텍스트 편집</translation>
        </message>
        <message>
            <source>Change delay of step %1</source>
            <translation>%1단계 지연 변경</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n step(s)</source>
            <translation>
                <numerusform>단계 %n개 삭제</numerusform>
            </translation>
        </message>
        <message>
            <source>Move step %1 up</source>
            <translation>%1단계를 위로 이동</translation>
        </message>
        <message>
            <source>Move step %1 down</source>
            <translation>%1단계를 아래로 이동</translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::MainWindow</name>
        <message>
            <source>Nodes</source>
            <translation>노드</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>속성</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>실행</translation>
        </message>
        <message>
            <source>History</source>
            <translation>실행 기록</translation>
        </message>
        <message>
            <source>%1 has problems; what could be read is open:

%2</source>
            <translation>%1에 문제가 있습니다. 읽을 수 있는 부분만 열었습니다:

%2</translation>
        </message>
        <message>
            <source>Could not open %1:

%2</source>
            <translation>%1을(를) 열 수 없습니다:

%2</translation>
        </message>
        <message>
            <source>Open flow</source>
            <translation>플로 열기</translation>
        </message>
        <message>
            <source>Add "%1" and connect it</source>
            <translation>"%1" 추가 및 연결</translation>
        </message>
        <message numerus="yes">
            <source>Copied %n node(s) as flow JSON</source>
            <translation>
                <numerusform>노드 %n개를 플로 JSON으로 복사했습니다</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Cut %n item(s)</source>
            <translation>
                <numerusform>항목 %n개 잘라내기</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing to paste: %1</source>
            <translation>붙여 넣을 것이 없습니다: %1</translation>
        </message>
        <message numerus="yes">
            <source>Paste %n node(s)</source>
            <translation>
                <numerusform>노드 %n개 붙여넣기</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Duplicate %n node(s)</source>
            <translation>
                <numerusform>노드 %n개 복제</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete "%1"</source>
            <translation>"%1" 삭제</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n connection(s)</source>
            <translation>
                <numerusform>연결 %n개 삭제</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %n item(s)</source>
            <translation>
                <numerusform>항목 %n개 삭제</numerusform>
            </translation>
        </message>
        <message>
            <source>Auto-layout</source>
            <translation>자동 배치</translation>
        </message>
        <message>
            <source>Double-click to edit this note</source>
            <translation>더블클릭하여 이 메모를 편집하세요</translation>
        </message>
        <message>
            <source>Sticky note</source>
            <translation>메모</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>텍스트</translation>
        </message>
        <message>
            <source>Edit sticky note</source>
            <translation>메모 편집</translation>
        </message>
        <message numerus="yes">
            <source>Not run: the flow has %n problem(s). Fix the nodes with a red badge.</source>
            <translation>
                <numerusform>실행 안 함: 플로에 문제가 %n개 있습니다. 빨간 배지가 있는 노드를 고치세요.</numerusform>
            </translation>
        </message>
        <message>
            <source>running…</source>
            <translation>실행 중…</translation>
        </message>
        <message>
            <source>running… %1%</source>
            <translation>실행 중… %1%</translation>
        </message>
        <message>
            <source>skipped</source>
            <translation>건너뜀</translation>
        </message>
        <message numerus="yes">
            <source>%n item(s) · %1 ms</source>
            <translation>
                <numerusform>항목 %n개 · %1ms</numerusform>
            </translation>
        </message>
        <message>
            <source>did not run</source>
            <translation>실행되지 않음</translation>
        </message>
        <message>
            <source>Succeeded in %1 ms</source>
            <translation>%1ms 만에 성공</translation>
        </message>
        <message>
            <source>%1 after %2 ms: %3</source>
            <translation>%2ms 후 %1: %3</translation>
        </message>
        <message>
            <source>Credentials</source>
            <translation>자격 증명</translation>
        </message>
        <message>
            <source>The credentials vault cannot be opened: %1</source>
            <translation>자격 증명 금고를 열 수 없습니다: %1</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>저장하지 않은 변경 사항</translation>
        </message>
        <message>
            <source>Save the changes to %1?</source>
            <translation>%1의 변경 사항을 저장할까요?</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>저장</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>%1 저장됨</translation>
        </message>
        <message>
            <source>Save flow</source>
            <translation>플로 저장</translation>
        </message>
        <message>
            <source>Flows (*.flow.json)</source>
            <translation>플로 (*.flow.json)</translation>
        </message>
        <message>
            <source>Flows (*.flow.json *.json)</source>
            <translation>플로 (*.flow.json *.json)</translation>
        </message>
        <message>
            <source>&lt;span style='color:#F85149'&gt;%1 errors&lt;/span&gt;, %2 warnings</source>
            <translation>&lt;span style='color:#F85149'&gt;오류 %1개&lt;/span&gt;, 경고 %2개</translation>
        </message>
        <message>
            <source>&lt;span style='color:#3FB950'&gt;✓ valid&lt;/span&gt;</source>
            <translation>&lt;span style='color:#3FB950'&gt;✓ 유효함&lt;/span&gt;</translation>
        </message>
        <message>
            <source>Ignored a damaged recovery file: %1</source>
            <translation>손상된 복구 파일을 무시했습니다: %1</translation>
        </message>
        <message>
            <source>an untitled flow ("%1")</source>
            <translation>제목 없는 플로("%1")</translation>
        </message>
        <message>
            <source>Restore unsaved changes?</source>
            <translation>저장하지 않은 변경 사항을 복원할까요?</translation>
        </message>
        <message>
            <source>Taskloom Studio did not close normally. A recovery copy of %1 from %2 holds changes that were never saved.

Restore them? (No deletes the copy.)</source>
            <translation>Taskloom Studio가 정상적으로 종료되지 않았습니다. %2에 만든 %1의 복구 사본에 저장되지 않은 변경 사항이 있습니다.

복원할까요? (아니요를 누르면 사본을 삭제합니다.)</translation>
        </message>
        <message>
            <source>Restored unsaved changes from %1</source>
            <translation>%1에서 저장하지 않은 변경 사항을 복원했습니다</translation>
        </message>
        <message>
            <source>&amp;New flow</source>
            <translation>새 플로(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>열기(&amp;O)…</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>저장(&amp;S)</translation>
        </message>
        <message>
            <source>Save &amp;as…</source>
            <translation>다른 이름으로 저장(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>끝내기(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>실행 취소(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>다시 실행(&amp;R)</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>잘라내기(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>복사(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>붙여넣기(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Duplicate</source>
            <translation>복제(&amp;D)</translation>
        </message>
        <message>
            <source>De&amp;lete</source>
            <translation>삭제(&amp;L)</translation>
        </message>
        <message>
            <source>Select &amp;all</source>
            <translation>모두 선택(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Rename node</source>
            <translation>노드 이름 바꾸기(&amp;R)</translation>
        </message>
        <message>
            <source>Add &amp;node…</source>
            <translation>노드 추가(&amp;N)…</translation>
        </message>
        <message>
            <source>Add sticky &amp;note</source>
            <translation>메모 추가(&amp;N)</translation>
        </message>
        <message>
            <source>Search &amp;palette</source>
            <translation>팔레트 검색(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Fit to view</source>
            <translation>화면에 맞추기(&amp;F)</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>확대(&amp;I)</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>축소(&amp;O)</translation>
        </message>
        <message>
            <source>Actual size</source>
            <translation>실제 크기</translation>
        </message>
        <message>
            <source>Auto-&amp;layout</source>
            <translation>자동 배치(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Minimap</source>
            <translation>미니맵(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Run flow</source>
            <translation>플로 실행(&amp;R)</translation>
        </message>
        <message>
            <source>Run the whole flow (F5)</source>
            <translation>플로 전체 실행 (F5)</translation>
        </message>
        <message>
            <source>&amp;Stop</source>
            <translation>중지(&amp;S)</translation>
        </message>
        <message>
            <source>Run &amp;up to this node</source>
            <translation>이 노드까지 실행(&amp;U)</translation>
        </message>
        <message>
            <source>Re-run this node on its &amp;last inputs</source>
            <translation>마지막 입력으로 이 노드 다시 실행(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Pin or unpin output</source>
            <translation>출력 고정/해제(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Credentials…</source>
            <translation>자격 증명(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>단축키(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>파일(&amp;F)</translation>
        </message>
        <message>
            <source>Open &amp;recent</source>
            <translation>최근 파일 열기(&amp;R)</translation>
        </message>
        <message>
            <source>Open &amp;example</source>
            <translation>예제 열기(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>편집(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>보기(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Align</source>
            <translation>정렬(&amp;A)</translation>
        </message>
        <message>
            <source>Left edges</source>
            <translation>왼쪽 가장자리</translation>
        </message>
        <message>
            <source>Centres</source>
            <translation>가운데</translation>
        </message>
        <message>
            <source>Right edges</source>
            <translation>오른쪽 가장자리</translation>
        </message>
        <message>
            <source>Top edges</source>
            <translation>위쪽 가장자리</translation>
        </message>
        <message>
            <source>Middles</source>
            <translation>중간</translation>
        </message>
        <message>
            <source>Bottom edges</source>
            <translation>아래쪽 가장자리</translation>
        </message>
        <message>
            <source>Distribute horizontally</source>
            <translation>가로로 고르게 분포</translation>
        </message>
        <message>
            <source>Distribute vertically</source>
            <translation>세로로 고르게 분포</translation>
        </message>
        <message>
            <source>&amp;Run</source>
            <translation>실행(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>도구(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>도움말(&amp;H)</translation>
        </message>
        <message>
            <source>Main</source>
            <translation>기본</translation>
        </message>
        <message>
            <source>▶  Run</source>
            <translation>▶  실행</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>단축키</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>동작</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>키</translation>
        </message>
        <message>
            <source>Quick-add a node at the cursor</source>
            <translation>커서 위치에 노드 빠르게 추가</translation>
        </message>
        <message>
            <source>Tab, or double-click the canvas</source>
            <translation>Tab 또는 캔버스 더블클릭</translation>
        </message>
        <message>
            <source>Pan</source>
            <translation>화면 이동</translation>
        </message>
        <message>
            <source>Middle drag, or Space + drag</source>
            <translation>가운데 버튼 드래그 또는 Space + 드래그</translation>
        </message>
        <message>
            <source>Zoom</source>
            <translation>확대/축소</translation>
        </message>
        <message>
            <source>Mouse wheel, pinch</source>
            <translation>마우스 휠, 핀치</translation>
        </message>
        <message>
            <source>Connect</source>
            <translation>연결</translation>
        </message>
        <message>
            <source>Drag from a port to a port; drop on empty canvas to add a connected node</source>
            <translation>포트에서 포트로 드래그. 빈 캔버스에 놓으면 연결된 노드를 추가합니다</translation>
        </message>
        <message>
            <source>Select several</source>
            <translation>여러 개 선택</translation>
        </message>
        <message>
            <source>Drag a rectangle, or Ctrl+click</source>
            <translation>사각형 드래그 또는 Ctrl+클릭</translation>
        </message>
        <message>
            <source>A run is in progress; open past runs when it has finished.</source>
            <translation>실행 중입니다. 끝난 뒤에 지난 실행을 여세요.</translation>
        </message>
        <message>
            <source>did not finish</source>
            <translation>끝나지 않음</translation>
        </message>
        <message>
            <source>Past run %1 from %2: %3</source>
            <translation>%2의 지난 실행 %1: %3</translation>
        </message>
        <message>
            <source> in %1 ms</source>
            <translation> (%1ms)</translation>
        </message>
        <message>
            <source> (this flow's run store setting keeps no item data)</source>
            <translation> (이 플로의 실행 기록 설정은 항목 데이터를 저장하지 않습니다)</translation>
        </message>
        <message>
            <source>queued</source>
            <translation>대기 중</translation>
        </message>
        <message>
            <source>Running…</source>
            <translation>실행 중…</translation>
        </message>
        <message>
            <source>Select one node first.</source>
            <translation>먼저 노드 하나를 선택하세요.</translation>
        </message>
        <message numerus="yes">
            <source>Not run: %n problem(s) in the nodes it needs. Fix the nodes with a red badge.</source>
            <translation>
                <numerusform>실행 안 함: 필요한 노드에 문제가 %n개 있습니다. 빨간 배지가 있는 노드를 고치세요.</numerusform>
            </translation>
        </message>
        <message>
            <source>Not re-run: %1</source>
            <translation>다시 실행 안 함: %1</translation>
        </message>
        <message>
            <source>Not re-run: "%1": %2</source>
            <translation>다시 실행 안 함: "%1": %2</translation>
        </message>
        <message>
            <source>"%1" runs again on the next run.</source>
            <translation>다음 실행부터 "%1"이(가) 다시 실행됩니다.</translation>
        </message>
        <message>
            <source>"%1" has no output to pin: run the flow (or up to this node) first.</source>
            <translation>"%1"에 고정할 출력이 없습니다. 먼저 플로를 (또는 이 노드까지) 실행하세요.</translation>
        </message>
        <message>
            <source>Only part of the output of "%1" was kept, so it cannot be pinned.</source>
            <translation>"%1"의 출력 중 일부만 보관되어 고정할 수 없습니다.</translation>
        </message>
        <message numerus="yes">
            <source>Pinned %n item(s): runs reuse them instead of running "%1".</source>
            <translation>
                <numerusform>항목 %n개를 고정했습니다. 실행 시 "%1"을(를) 실행하지 않고 이 항목을 다시 사용합니다.</numerusform>
            </translation>
        </message>
        <message>
            <source>Not run: another run is in progress.</source>
            <translation>실행하지 않음: 다른 실행이 진행 중입니다.</translation>
        </message>
        <message>
            <source>Lua node not reloaded, the type loaded before stays: %1</source>
            <translation>Lua 노드를 다시 불러오지 못해 이전에 불러온 유형을 유지합니다: %1</translation>
        </message>
        <message>
            <source>Reloaded Lua node type %1</source>
            <translation>Lua 노드 유형 %1을(를) 다시 불러왔습니다</translation>
        </message>
        <message>
            <source>Recorder</source>
            <translation>녹화</translation>
        </message>
        <message>
            <source>credential "%1" has no field "%2"</source>
            <translation>자격 증명 "%1"에 "%2" 필드가 없습니다</translation>
        </message>
        <message>
            <source>The macro has no steps to insert.</source>
            <translation>매크로에 삽입할 단계가 없습니다.</translation>
        </message>
        <message>
            <source>Save the flow first: the steps' anchor images are stored in a folder beside it.</source>
            <translation>먼저 플로를 저장하세요: 단계의 앵커 이미지는 플로 옆 폴더에 저장됩니다.</translation>
        </message>
        <message>
            <source>Cannot convert the macro: %1</source>
            <translation>매크로를 변환할 수 없습니다: %1</translation>
        </message>
        <message numerus="yes">
            <source>Insert macro as %n node(s)</source>
            <translation>
                <numerusform>매크로를 노드 %n개로 삽입</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Inserted %n node(s) from the macro.</source>
            <translation>
                <numerusform>매크로에서 노드 %n개를 삽입했습니다.</numerusform>
            </translation>
        </message>
        <message>
            <source>Reloaded Lua node type(s): %1</source>
            <translation>다시 불러온 Lua 노드 유형: %1</translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::Minimap</name>
        <message>
            <source>Overview: click or drag to move there</source>
            <translation>전체 보기: 클릭하거나 드래그하여 이동</translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::PaletteWidget</name>
        <message>
            <source>Search nodes…</source>
            <translation>노드 검색…</translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::ParamField</name>
        <message>
            <source>Use an expression instead of a fixed value</source>
            <translation>고정값 대신 표현식 사용</translation>
        </message>
        <message>
            <source>From %1 to %2</source>
            <translation>%1부터 %2까지</translation>
        </message>
        <message>
            <source>any</source>
            <translation>모두</translation>
        </message>
        <message>
            <source>Choose a folder</source>
            <translation>폴더 선택</translation>
        </message>
        <message>
            <source>Choose a file</source>
            <translation>파일 선택</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(없음)</translation>
        </message>
        <message>
            <source>New credential…</source>
            <translation>새 자격 증명…</translation>
        </message>
        <message>
            <source>Not valid JSON: %1</source>
            <translation>올바른 JSON이 아님: %1</translation>
        </message>
        <message>
            <source>%1  (not in the vault)</source>
            <translation>%1  (금고에 없음)</translation>
        </message>
        <message>
            <source>Evaluating this expression on the last run's first input item failed</source>
            <translation>지난 실행의 첫 번째 입력 항목으로 이 표현식을 계산하지 못했습니다</translation>
        </message>
        <message>
            <source>This expression's value on the last run's first input item</source>
            <translation>지난 실행의 첫 번째 입력 항목에서 이 표현식의 값</translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::QuickAddPopup</name>
        <message>
            <source>Add a node…</source>
            <translation>노드 추가…</translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::RecorderController</name>
        <message>
            <source>Stop the recording or the replay first.</source>
            <translation>먼저 녹화나 재생을 멈추세요.</translation>
        </message>
        <message>
            <source>Cannot record: %1</source>
            <translation>녹화할 수 없습니다: %1</translation>
        </message>
        <message>
            <source>Starting the recording…</source>
            <translation>녹화를 시작하는 중…</translation>
        </message>
        <message>
            <source>Recording. %1 stops, %2 pauses, F8 switches secret input on and off.</source>
            <translation>녹화 중. %1: 중지, %2: 일시 정지, F8: 비밀 입력 켜기/끄기.</translation>
        </message>
        <message>
            <source>Note: %1</source>
            <translation>참고: %1</translation>
        </message>
        <message>
            <source>Paused. %1 or Pause resumes.</source>
            <translation>일시 정지됨. %1 또는 Pause 키로 다시 시작합니다.</translation>
        </message>
        <message>
            <source>Recording.</source>
            <translation>녹화 중.</translation>
        </message>
        <message>
            <source>Recording cancelled.</source>
            <translation>녹화를 취소했습니다.</translation>
        </message>
        <message>
            <source>Nothing was recorded: no input arrived.</source>
            <translation>녹화된 것이 없습니다: 입력이 없었습니다.</translation>
        </message>
        <message numerus="yes">
            <source>%n step(s) recorded.</source>
            <translation>
                <numerusform>단계 %n개를 녹화했습니다.</numerusform>
            </translation>
        </message>
        <message>
            <source>Warnings: %1</source>
            <translation>경고: %1</translation>
        </message>
        <message>
            <source>The %1 hotkey is not available: %2</source>
            <translation>%1 단축키를 사용할 수 없습니다: %2</translation>
        </message>
        <message>
            <source>There are no steps to replay.</source>
            <translation>재생할 단계가 없습니다.</translation>
        </message>
        <message>
            <source>Cannot replay: %1</source>
            <translation>재생할 수 없습니다: %1</translation>
        </message>
        <message>
            <source>Replaying step by step: Next step runs the highlighted step; %1 or Stop aborts.</source>
            <translation>단계별 재생 중: 다음 단계를 누르면 강조된 단계를 실행합니다. %1 또는 중지로 멈춥니다.</translation>
        </message>
        <message>
            <source>Replaying; %1 or Stop aborts, and so does moving the mouse.</source>
            <translation>재생 중. %1, 중지 또는 마우스를 움직이면 멈춥니다.</translation>
        </message>
        <message numerus="yes">
            <source>Replay finished: all %n step(s) ran.</source>
            <translation>
                <numerusform>재생 완료: 단계 %n개를 모두 실행했습니다.</numerusform>
            </translation>
        </message>
        <message>
            <source>Replay stopped: %1</source>
            <translation>재생을 멈췄습니다: %1</translation>
        </message>
        <message>
            <source>Replay failed: %1</source>
            <translation>재생 실패: %1</translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::RecorderPanel</name>
        <message>
            <source>Step by step</source>
            <translation>단계별</translation>
        </message>
        <message>
            <source>%1× speed</source>
            <translation>%1× 속도</translation>
        </message>
        <message>
            <source>Replay speed: waits and pauses are divided by it</source>
            <translation>재생 속도: 대기와 멈춤 시간을 이 값으로 나눕니다</translation>
        </message>
        <message>
            <source>Stop before each step; Next step runs it</source>
            <translation>각 단계 전에 멈춤; 다음 단계로 실행합니다</translation>
        </message>
        <message>
            <source>Record what you do on the desktop (F9 starts, F10 stops), or open a saved macro.</source>
            <translation>데스크톱에서 하는 작업을 녹화하거나(F9 시작, F10 중지) 저장된 매크로를 여세요.</translation>
        </message>
        <message>
            <source>New</source>
            <translation>새로 만들기</translation>
        </message>
        <message>
            <source>Start an empty macro</source>
            <translation>빈 매크로 시작</translation>
        </message>
        <message>
            <source>Open…</source>
            <translation>열기…</translation>
        </message>
        <message>
            <source>Open a macro (*.macro.json)</source>
            <translation>매크로 열기 (*.macro.json)</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>저장</translation>
        </message>
        <message>
            <source>Save the macro, anchors beside it</source>
            <translation>매크로 저장 (앵커는 옆 폴더에)</translation>
        </message>
        <message>
            <source>Save as…</source>
            <translation>다른 이름으로 저장…</translation>
        </message>
        <message>
            <source>Save the macro under another name</source>
            <translation>매크로를 다른 이름으로 저장</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>녹화</translation>
        </message>
        <message>
            <source>Record mouse and keyboard (F9). The studio minimizes while recording; F10 stops.</source>
            <translation>마우스와 키보드 녹화 (F9). 녹화 중에는 스튜디오가 최소화됩니다. F10으로 중지합니다.</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>일시 정지</translation>
        </message>
        <message>
            <source>Pause or resume the recording (Pause key)</source>
            <translation>녹화 일시 정지 또는 다시 시작 (Pause 키)</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>중지</translation>
        </message>
        <message>
            <source>Stop the recording or the replay (F10)</source>
            <translation>녹화 또는 재생 중지 (F10)</translation>
        </message>
        <message>
            <source>Replay</source>
            <translation>재생</translation>
        </message>
        <message>
            <source>Replay the macro; each click finds its target again by its anchor image</source>
            <translation>매크로 재생: 각 클릭은 앵커 이미지로 대상을 다시 찾습니다</translation>
        </message>
        <message>
            <source>Next step</source>
            <translation>다음 단계</translation>
        </message>
        <message>
            <source>Run the highlighted step</source>
            <translation>강조된 단계 실행</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>실행 취소</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>다시 실행</translation>
        </message>
        <message>
            <source>Up</source>
            <translation>위로</translation>
        </message>
        <message>
            <source>Move the step up</source>
            <translation>단계를 위로 이동</translation>
        </message>
        <message>
            <source>Down</source>
            <translation>아래로</translation>
        </message>
        <message>
            <source>Move the step down</source>
            <translation>단계를 아래로 이동</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>삭제</translation>
        </message>
        <message>
            <source>Delete the selected steps (Del)</source>
            <translation>선택한 단계 삭제 (Del)</translation>
        </message>
        <message>
            <source>Insert as flow</source>
            <translation>플로로 삽입</translation>
        </message>
        <message>
            <source>Turn the steps into RPA nodes and paste them into the open flow (one undo step)</source>
            <translation>단계를 RPA 노드로 바꿔 열린 플로에 붙여 넣습니다 (한 번에 실행 취소 가능)</translation>
        </message>
        <message>
            <source>Untitled macro</source>
            <translation>제목 없는 매크로</translation>
        </message>
        <message>
            <source>New macro: press Record to fill it.</source>
            <translation>새 매크로: 녹화를 눌러 채우세요.</translation>
        </message>
        <message>
            <source>Cannot open the macro: %1</source>
            <translation>매크로를 열 수 없습니다: %1</translation>
        </message>
        <message numerus="yes">
            <source>%1: %n step(s).</source>
            <translation>
                <numerusform>%1: 단계 %n개.</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot save the macro: %1</source>
            <translation>매크로를 저장할 수 없습니다: %1</translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>%1 저장됨.</translation>
        </message>
        <message>
            <source>Open macro</source>
            <translation>매크로 열기</translation>
        </message>
        <message>
            <source>Macros (*.macro.json);;All files (*)</source>
            <translation>매크로 (*.macro.json);;모든 파일 (*)</translation>
        </message>
        <message>
            <source>Save macro</source>
            <translation>매크로 저장</translation>
        </message>
        <message>
            <source>recording.macro.json</source>
            <translation>recording.macro.json</translation>
        </message>
        <message>
            <source>Macros (*.macro.json)</source>
            <translation>매크로 (*.macro.json)</translation>
        </message>
        <message>
            <source>Unsaved macro</source>
            <translation>저장하지 않은 매크로</translation>
        </message>
        <message>
            <source>The macro has unsaved changes. Save them first?</source>
            <translation>매크로에 저장하지 않은 변경 사항이 있습니다. 먼저 저장할까요?</translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::RunController</name>
        <message>
            <source>credentials vault: %1</source>
            <translation>자격 증명 금고: %1</translation>
        </message>
        <message>
            <source>stopped from the studio</source>
            <translation>스튜디오에서 중지함</translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::RunHistoryPanel</name>
        <message>
            <source>%1 ms</source>
            <translation>%1ms</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1초</translation>
        </message>
        <message>
            <source>Open run</source>
            <translation>실행 열기</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>새로 고침</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>시작</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>상태</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>소요 시간</translation>
        </message>
        <message>
            <source>Trigger</source>
            <translation>트리거</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>실행</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>오류</translation>
        </message>
        <message>
            <source>Runs of this flow appear here.</source>
            <translation>이 플로의 실행 기록이 여기에 표시됩니다.</translation>
        </message>
        <message>
            <source>The run history cannot be read: %1</source>
            <translation>실행 기록을 읽을 수 없습니다: %1</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>No runs of this flow yet.</source>
            <translation>이 플로는 아직 실행한 적이 없습니다.</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s); double-click one to see it on the canvas.</source>
            <translation>
                <numerusform>실행 %n건. 더블클릭하면 캔버스에서 볼 수 있습니다.</numerusform>
            </translation>
        </message>
        <message>
            <source>Run %1 cannot be opened: %2</source>
            <translation>실행 %1을(를) 열 수 없습니다: %2</translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::RunPanel</name>
        <message>
            <source>All levels</source>
            <translation>모든 수준</translation>
        </message>
        <message>
            <source>Info and above</source>
            <translation>정보 이상</translation>
        </message>
        <message>
            <source>Warnings and errors</source>
            <translation>경고 및 오류</translation>
        </message>
        <message>
            <source>Errors</source>
            <translation>오류</translation>
        </message>
        <message>
            <source>Filter log…</source>
            <translation>로그 필터…</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>시간</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>수준</translation>
        </message>
        <message>
            <source>Node</source>
            <translation>노드</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>메시지</translation>
        </message>
        <message>
            <source>Search items…</source>
            <translation>항목 검색…</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>출력</translation>
        </message>
        <message>
            <source>Log</source>
            <translation>로그</translation>
        </message>
        <message>
            <source>No run yet: press Run (F5).</source>
            <translation>아직 실행하지 않았습니다. 실행(F5)을 누르세요.</translation>
        </message>
        <message>
            <source>Run %1 started</source>
            <translation>실행 %1 시작</translation>
        </message>
        <message>
            <source>Run %1: %2</source>
            <translation>실행 %1: %2</translation>
        </message>
        <message>
            <source>started</source>
            <translation>시작됨</translation>
        </message>
        <message>
            <source>failed: %1</source>
            <translation>실패: %1</translation>
        </message>
        <message>
            <source>%1: %2 in, %3 out, %4 ms</source>
            <translation>%1: 입력 %2, 출력 %3, %4ms</translation>
        </message>
        <message>
            <source>retrying (attempt %1): %2</source>
            <translation>재시도 중 (%1번째): %2</translation>
        </message>
        <message>
            <source>Output %1</source>
            <translation>출력 %1</translation>
        </message>
        <message>
            <source>Run the flow to see each node's output here.</source>
            <translation>플로를 실행하면 각 노드의 출력이 여기에 표시됩니다.</translation>
        </message>
        <message>
            <source>This node has no output from the last run.</source>
            <translation>이 노드에는 지난 실행의 출력이 없습니다.</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; — %2 items%3</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; — 항목 %2개%3</translation>
        </message>
        <message>
            <source> (first %1 shown)</source>
            <translation> (처음 %1개 표시)</translation>
        </message>
        <message>
            <source>Exact value: %1</source>
            <translation>정확한 값: %1</translation>
        </message>
    </context>
    <context>
        <name>taskloom::studio::TriggerSwitch</name>
        <message>
            <source>Triggers &amp;active</source>
            <translation>트리거 활성(&amp;A)</translation>
        </message>
        <message>
            <source>Let the scheduler (taskloom daemon) fire this flow's schedule, webhook and file-watch triggers</source>
            <translation>스케줄러(taskloom daemon)가 이 플로의 일정, 웹훅, 파일 감시 트리거를 실행하게 합니다</translation>
        </message>
        <message>
            <source>This flow has no schedule, webhook or file-watch trigger for the scheduler to fire.</source>
            <translation>이 플로에는 스케줄러가 실행할 일정, 웹훅 또는 파일 감시 트리거가 없습니다.</translation>
        </message>
        <message>
            <source>The scheduler does not run this file; its triggers are inactive.</source>
            <translation>스케줄러는 이 파일을 실행하지 않습니다. 트리거는 비활성 상태입니다.</translation>
        </message>
        <message>
            <source>The scheduler runs the flows saved in %1.
Save this flow there as %2 and activate its triggers?</source>
            <translation>스케줄러는 %1에 저장된 플로를 실행합니다.
이 플로를 그곳에 %2(으)로 저장하고 트리거를 활성화할까요?</translation>
        </message>
        <message>
            <source>Not activated: the flow was not saved in the scheduler's flows folder.</source>
            <translation>활성화하지 않음: 플로가 스케줄러의 플로 폴더에 저장되지 않았습니다.</translation>
        </message>
        <message>
            <source>Cannot create the flows folder %1</source>
            <translation>플로 폴더 %1을(를) 만들 수 없습니다</translation>
        </message>
        <message>
            <source> (saved as %1)</source>
            <translation> (%1(으)로 저장됨)</translation>
        </message>
        <message>
            <source> (saved)</source>
            <translation> (저장됨)</translation>
        </message>
        <message>
            <source>The scheduler does not load %1.</source>
            <translation>스케줄러가 %1을(를) 불러오지 않습니다.</translation>
        </message>
        <message>
            <source>Triggers active%1</source>
            <translation>트리거 활성%1</translation>
        </message>
        <message>
            <source>Triggers inactive%1</source>
            <translation>트리거 비활성%1</translation>
        </message>
        <message>
            <source>; next run %1</source>
            <translation>; 다음 실행 %1</translation>
        </message>
        <message>
            <source>. No scheduler is running: start it with `taskloom daemon`.</source>
            <translation>. 실행 중인 스케줄러가 없습니다: `taskloom daemon`으로 시작하세요.</translation>
        </message>
        <message>
            <source>Activate triggers</source>
            <translation>트리거 활성화</translation>
        </message>
        <message>
            <source>Triggers</source>
            <translation>트리거</translation>
        </message>
    </context>
</TS>
