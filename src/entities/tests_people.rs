//! People found by the words around a bare name, on small texts of our own.

use super::*;
use crate::document::Document;

fn people(text: &str) -> Vec<String> {
    let d = Document::from_text("test", &format!("Notes\n\n{text}"));
    let mut v: Vec<String> = extract(&d)
        .into_iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name)
        .collect();
    v.sort();
    v
}

fn kinds(text: &str) -> Vec<(&'static str, String)> {
    let d = Document::from_text("test", &format!("Notes\n\n{text}"));
    names_of(&extract(&d))
}

#[test]
fn a_verb_of_speech_thought_or_movement_makes_a_person() {
    assert_eq!(
        people("The roads were closed, Quorbin said. Vellacott has agreed to wait."),
        ["Quorbin", "Vellacott"]
    );
    assert_eq!(
        people("Dunmere thinks the vote is near and Ostrava Rell would not arrive before May."),
        ["Dunmere", "Ostrava Rell"]
    );
}

#[test]
fn a_participle_an_article_or_a_thing_is_not_a_speaker() {
    assert_eq!(
        people("It follows the Customs Formalities signed at Tarnow in 1923."),
        Vec::<String>::new()
    );
    assert_eq!(
        people("The Herald has suggested a vote. A Voz agreed."),
        Vec::<String>::new()
    );
}

#[test]
fn a_verb_that_takes_a_person_before_the_name_makes_a_person() {
    assert_eq!(
        people("I will see Emerson before he sails. We told Patchin nothing."),
        ["Emerson", "Patchin"]
    );
    // A citation is not a meeting.
    assert_eq!(
        people("For the text see Proceedings of the Assembly, page 4."),
        Vec::<String>::new()
    );
}

#[test]
fn to_after_a_verb_of_showing_or_telling_is_a_person_not_a_destination() {
    let k = kinds("Show this telegram to Patchin on his arrival. The train went to Quixton.");
    assert!(k.contains(&("person", "Patchin".into())), "{k:?}");
    assert!(k.contains(&("place", "Quixton".into())), "{k:?}");
}

#[test]
fn a_role_in_apposition_makes_a_person() {
    assert_eq!(
        people(
            "Holsti, the Finnish permanent delegate, left. The Bolivian representative, \
             Costa du Rels, had handed it over. Morvane, acting Minister of Trade, was away."
        ),
        ["Costa du Rels", "Holsti", "Morvane"]
    );
    // `of Fallodon` is where the viscount is from, not who holds the office.
    assert_eq!(
        people("Viscount Grey of Fallodon, Secretary of State, wrote."),
        ["Grey"]
    );
}

#[test]
fn who_after_a_name_and_a_lowercase_role_before_it_make_a_person() {
    assert_eq!(
        people(
            "They have none other than Milner who will remain. The Russian general de Wogack objected."
        ),
        ["Milner", "de Wogack"]
    );
}

#[test]
fn the_shape_of_a_name_can_make_a_person() {
    assert_eq!(
        people(
            "Sakharov and engineers of the railway came. Viceroys Liu Kun-yi and Chang Chih-tung concur."
        ),
        ["Chang Chih-tung", "Liu Kun-yi", "Sakharov"]
    );
}

#[test]
fn a_name_in_a_list_takes_the_kind_of_the_list() {
    assert_eq!(
        people("Messrs. Quorbin, Tellam and Vasko attended. Later Tellam left."),
        ["Quorbin", "Tellam", "Vasko"]
    );
    let k = kinds("The troops hold Ferrin, Dosk-ho, Lutan and Peking.");
    for p in ["Ferrin", "Dosk-ho", "Lutan", "Peking"] {
        assert!(k.contains(&("place", p.into())), "{p} in {k:?}");
    }
    // A list with an organization gives the bare names nothing.
    let k = kinds("The Board of Trade and Ferrin replied.");
    assert!(!k.iter().any(|(_, n)| n == "Ferrin"), "{k:?}");
}

#[test]
fn words_that_qualify_a_title_are_not_a_name() {
    assert_eq!(
        people(
            "Mr. Quorbin, Assistant to the Economic Adviser, called. The Legation Interpreter said so."
        ),
        ["Quorbin"]
    );
}

#[test]
fn a_name_after_a_preposition_is_not_the_subject_of_the_verb() {
    let k = kinds(
        "The Christians of Ourfeld have felt sorry. The member for Oxbury had suggested a vote.",
    );
    assert!(!k.iter().any(|(kind, _)| *kind == "person"), "{k:?}");
}

#[test]
fn to_is_a_person_only_right_after_the_verb_of_telling() {
    let k = kinds(
        "Permission is given to him to proceed to Pittsby. We explained the matter to Quorbin.",
    );
    assert!(k.contains(&("place", "Pittsby".into())), "{k:?}");
    assert!(k.contains(&("person", "Quorbin".into())), "{k:?}");
}

#[test]
fn an_adjective_in_a_list_gives_its_neighbours_no_kind() {
    let k = kinds("The Kurdish and Assyrian areas, and French and Arabic texts.");
    assert!(
        !k.iter().any(|(_, n)| n == "Assyrian" || n == "Arabic"),
        "{k:?}"
    );
}

#[test]
fn a_name_placed_by_a_cue_stays_a_place_in_a_list_of_people() {
    let k = kinds(
        "He was warden of the jail at Ningfu. The warden of Ningfu, and Shih Feng-chi, were named.",
    );
    assert!(k.contains(&("place", "Ningfu".into())), "{k:?}");
    assert!(!k.contains(&("person", "Ningfu".into())), "{k:?}");
}

#[test]
fn a_name_beside_a_pronoun_or_a_source_after_according_to_is_a_person() {
    assert_eq!(
        people(
            "I know he and Balmore had it up. Quorbin and I disagreed. According to Rivald it is implied."
        ),
        ["Balmore", "Quorbin", "Rivald"]
    );
}

#[test]
fn participants_on_lines_of_their_own_after_present_are_people() {
    let d = Document::from_text(
        "test",
        "Notes\n\nMinutes of a meeting\n\nPresent:\n\nMr. Quorbin\n\nGeneral Bliss\n\nDr. Vasko\n\nMr. Quorbin: Have you anything?",
    );
    let e = extract(&d);
    for p in ["Quorbin", "Bliss", "Vasko"] {
        assert!(
            e.iter()
                .any(|x| x.kind == EntityKind::Person && x.name == p),
            "{p}: {e:#?}"
        );
    }
}

#[test]
fn a_ship_is_no_person_or_place() {
    let k = kinds(
        "Her Majesty's ship Dido sailed. The English ship “Perthshire,” Captain James Oates, \
         left. U.S.S. Oregon reached Manila. The M/V Lake Superior docked at Norfolk.",
    );
    assert_eq!(
        k,
        [
            ("place", "Manila".to_string()),
            ("place", "Norfolk".to_string()),
            ("person", "James Oates".to_string())
        ]
    );
}

#[test]
fn a_lone_word_heading_is_not_an_address_line() {
    let d = Document::from_text(
        "test",
        "Title:\nA note\n\nContents:\nTranscript - English\n[Untitled]\nAn act respecting fishing.",
    );
    let e = extract(&d);
    assert!(!e.iter().any(|x| x.name == "Untitled"), "{e:#?}");
}

#[test]
fn two_people_of_one_surname_stay_two_unless_the_initials_agree() {
    let d = Document::from_text(
        "test",
        "Notes\n\nMr. J. F. Dulles and Mr. A. W. Dulles came. John Foster Dulles spoke; M. de Cologan \
         and B. J. de Cologan agreed.",
    );
    let e = extract(&d);
    let mut people: Vec<(String, Vec<String>)> = e
        .iter()
        .filter(|x| x.kind == EntityKind::Person)
        .map(|x| (x.name.clone(), x.aliases.clone()))
        .collect();
    people.sort();
    assert_eq!(
        people,
        [
            ("A. W. Dulles".to_string(), vec![]),
            (
                "B. J. de Cologan".to_string(),
                vec!["M. de Cologan".to_string()]
            ),
            (
                "John Foster Dulles".to_string(),
                vec!["J. F. Dulles".to_string()]
            ),
        ]
    );
}

#[test]
fn calling_on_a_name_and_what_a_person_feels_make_a_person() {
    assert_eq!(
        people(
            "On May 6 I called on Sohelby. Kazemar was deeply disappointed. The suggestion to Hornbrook failed."
        ),
        ["Hornbrook", "Kazemar", "Sohelby"]
    );
}

#[test]
fn spans_stop_at_sentence_ends_brackets_and_peoples_names() {
    let k = kinds(
        "Washington, D. C. Notify Danes at once. He wrote to President Wilson (Close of the war).",
    );
    assert!(k.contains(&("place", "Washington, D. C.".into())), "{k:?}");
    assert!(k.contains(&("person", "Wilson".into())), "{k:?}");
    assert!(
        !k.iter()
            .any(|(_, n)| n.contains("Notify") || n.contains("Close")),
        "{k:?}"
    );
}

#[test]
fn a_telegrams_addressee_and_sender_and_an_office_holder_are_people() {
    assert_eq!(
        people(
            "For Stevens [from Willard]. The Ambassador in Italy (Page) to the Secretary of State. The Minister in the United States (Vorhis) replied."
        ),
        ["Page", "Stevens", "Vorhis", "Willard"]
    );
}

#[test]
fn a_comma_alone_makes_no_list_and_closings_name_nobody() {
    let k = kinds(
        "He met Captain D. B. Gilcrest, Librarian of the Commission. Accept, my lord, the \
         assurance of my high consideration. Am advised that the duty rose. Commissioners who \
         had been sent were waiting.",
    );
    assert_eq!(k, [("person", "D. B. Gilcrest".to_string())]);
}

#[test]
fn a_name_before_a_known_place_lies_in_it() {
    let k = kinds("The magazine of Sikow, Tientsin. The arrest at Monclovo, Mexico, was reported.");
    assert!(k.contains(&("place", "Sikow".into())), "{k:?}");
    assert!(k.contains(&("place", "Monclovo".into())), "{k:?}");
}

#[test]
fn a_given_name_written_short_is_an_initial() {
    assert_eq!(
        people(
            "Comrade A. Ya. Vyshinsky received Kh. G. Tolbuzin. I have seen Wm. Rendlesham and \
             Chas. E. Oakhurst today."
        ),
        [
            "A. Ya. Vyshinsky",
            "Chas. E. Oakhurst",
            "Kh. G. Tolbuzin",
            "Wm. Rendlesham"
        ]
    );
    // Not before a lowercase word, nor across a line.
    assert!(people("The boat reached Ch. and stopped.").is_empty());
    let k = kinds("Ch.\nFernhollow is far.");
    assert!(!k.iter().any(|(_, n)| n.starts_with("Ch")), "{k:?}");
}

#[test]
fn a_surname_that_is_a_common_word_ends_a_name_after_an_address_or_initials() {
    assert_eq!(
        people(
            "Mr. Quellow to Mr. West. I told Mrs. Hall and Judge W. R. Day. Thos. Nelson Page \
             agreed."
        ),
        ["Hall", "Quellow", "Thos. Nelson Page", "W. R. Day", "West"]
    );
    // Not after a rank, nor where the word begins a longer name or is no surname.
    let k = kinds("Gen. Staff met in the West Indies. The Day was long. Mr. Noon Harbor left.");
    assert!(
        !k.iter()
            .any(|(kind, n)| *kind == "person" && (n == "Staff" || n == "West" || n == "Day")),
        "{k:?}"
    );
}

#[test]
fn a_signature_in_capitals_gives_the_full_name_in_the_documents_case() {
    let d = Document::from_text(
        "test",
        "Notes\n\nMr. Quellow to Lord Ashby.\n\nMy Lord: I report that Mr. Quellow agreed.\n\n\
         WILLIAM H. QUELLOW.",
    );
    let e = extract(&d);
    let q = e
        .iter()
        .find(|e| e.name == "William H. Quellow")
        .unwrap_or_else(|| panic!("{e:#?}"));
    assert!(q.aliases.is_empty(), "{:?}", q.aliases);
    assert_eq!(q.mentions.len(), 3);
}

#[test]
fn of_two_forms_as_long_the_name_spelled_out_is_shown() {
    let d = Document::from_text(
        "test",
        "Notes\n\nV. A. Quellaunde arrived. Later Victor Andres Quellaunde spoke.",
    );
    let e = extract(&d);
    let q = e
        .iter()
        .find(|e| e.name == "Victor Andres Quellaunde")
        .unwrap_or_else(|| panic!("{e:#?}"));
    assert_eq!(q.aliases, ["V. A. Quellaunde"]);
}

#[test]
fn a_lone_inner_word_of_one_longer_name_is_that_person() {
    assert_eq!(
        people("Alberto Quorvas Nadrel said the vote was near. Later Quorvas said it again."),
        ["Alberto Quorvas Nadrel"]
    );
    // The surname of another name: that one.
    assert_eq!(
        people("Alberto Quorvas Nadrel said so. Tomas Quorvas said no. Quorvas said it again."),
        ["Alberto Quorvas Nadrel", "Tomas Quorvas"]
    );
}
