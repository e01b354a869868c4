//! vim habits in the real binary: `:q` Enter quits and gives the terminal back.

mod pty;
use pty::Session;

#[test]
fn colon_q_quits_and_restores_the_terminal() {
    let mut s = Session::start(&[], &[], 80, 24);
    s.wait_text("Text  ¶ ");
    s.send(":q");
    s.wait_for("the command typed", |sc| {
        let (rows, _) = sc.size();
        sc.contents_between(rows.get() - 1, 0, rows.get() - 1, 10)
            .starts_with(":q")
    });
    s.send("\r");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}
