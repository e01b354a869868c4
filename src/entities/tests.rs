//! The extraction rules, one by one, on small texts of our own.

use super::*;
use crate::document::Document;

fn doc(text: &str) -> Document {
    Document::from_text("test", text)
}

fn names(ents: &[Entity], kind: EntityKind) -> Vec<String> {
    let mut v: Vec<String> = ents
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.name.clone())
        .collect();
    v.sort();
    v
}

fn find<'a>(ents: &'a [Entity], name: &str) -> &'a Entity {
    ents.iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name} in {ents:#?}"))
}

fn texts(d: &Document, e: &Entity) -> Vec<String> {
    e.mentions.iter().map(|m| m.text(d).to_string()).collect()
}

#[test]
fn titles_are_stripped_from_the_name_but_kept_in_the_mention() {
    let d = doc(
        "Notes\n\nDr. T. V. Soong met Generalissimo Stalin and Comrade Molotov. Mr. Hay agreed.",
    );
    let e = extract(&d);
    assert_eq!(
        names(&e, EntityKind::Person),
        ["Hay", "Molotov", "Stalin", "T. V. Soong"]
    );
    assert_eq!(texts(&d, find(&e, "Stalin")), ["Generalissimo Stalin"]);
    assert_eq!(texts(&d, find(&e, "T. V. Soong")), ["Dr. T. V. Soong"]);
}

#[test]
fn short_forms_and_possessives_merge_with_the_long_form() {
    let d = doc(
        "Notes\n\nAmbassador W. A. Harriman arrived. Averell Harriman spoke first. Later Harriman's \
         aide and Soong's aide met. Dr. T. V. Soong left.",
    );
    let e = extract(&d);
    let h = find(&e, "W. A. Harriman");
    assert_eq!(h.aliases, ["Averell Harriman"]);
    assert_eq!(texts(&d, h).len(), 3);
    let s = find(&e, "T. V. Soong");
    assert_eq!(texts(&d, s), ["Soong", "Dr. T. V. Soong"]);
    assert_eq!(names(&e, EntityKind::Person).len(), 2);
}

#[test]
fn glosses_link_historic_and_modern_names() {
    let d = doc(
        "Notes\n\nThe fleet left Port Arthur [Lüshunkou District, Dalian] for Dairen [Dalian]. \
         Later it reached Mukden [Shenyang] and Fooville [Barton].",
    );
    let e = extract(&d);
    let dalian = find(&e, "Dairen");
    assert_eq!(texts(&d, dalian), ["Dalian", "Dairen", "Dalian"]);
    assert_eq!(dalian.aliases, ["Dalian"]);
    let pa = find(&e, "Port Arthur");
    assert_eq!(texts(&d, pa), ["Port Arthur", "Lüshunkou District"]);
    assert!(find(&e, "Mukden").aliases.contains(&"Shenyang".to_string()));
    // A gloss on a name the gazetteer lacks makes it an entity only with a cue: none here.
    assert!(e.iter().all(|x| x.name != "Fooville"));
}

#[test]
fn gloss_on_an_unknown_place_with_a_cue_becomes_an_alias() {
    let d = doc("Notes\n\nThe train stopped at Fooville [Barton] for an hour.");
    let e = extract(&d);
    let f = find(&e, "Fooville");
    assert_eq!(f.kind, EntityKind::Place);
    assert_eq!(f.aliases, ["Barton"]);
}

#[test]
fn adjectives_of_places_are_adjectival_mentions() {
    let d = doc(
        "Notes\n\nThe Siberian frontier worried the Japanese and the American envoy in Siberia.",
    );
    let e = extract(&d);
    let s = find(&e, "Siberia");
    let flags: Vec<bool> = s.mentions.iter().map(|m| m.adjectival).collect();
    assert_eq!(flags, [true, false]);
    assert!(find(&e, "Japan").mentions[0].adjectival);
    assert!(find(&e, "United States").mentions[0].adjectival);
}

#[test]
fn all_caps_forms_match_their_names() {
    let d = doc("Notes\n\nFrom HARBIN to MOSCOW.\n\nThe mood in Harbin is calm.");
    let e = extract(&d);
    assert_eq!(texts(&d, find(&e, "Harbin")), ["HARBIN", "Harbin"]);
    assert_eq!(find(&e, "Moscow").kind, EntityKind::Place);
}

#[test]
fn common_words_months_and_sentence_openers_are_not_entities() {
    let d = doc(
        "Notes\n\nOne side light was the Conversation of July 3. The Board met on Monday. \
         However, Secret Papers arrived. This Memorandum is Confidential.",
    );
    assert_eq!(extract(&d), Vec::<Entity>::new());
}

#[test]
fn headings_offices_and_a_reign_name_are_no_places() {
    let d = doc(
        "Notes\n\nCIRCULAR.\n\nExtract from a report of the Clerk of the House.\n\nPress of \
         May 9, 1936:\n\nThe edict of the Emperor Kuang Hsü was read at Quixton.",
    );
    let e = extract(&d);
    assert_eq!(names(&e, EntityKind::Place), ["Quixton"]);
}

#[test]
fn an_adverb_opening_a_sentence_is_no_part_of_the_name_after_it() {
    let d = doc("Notes\n\nBesides Fabio Quellano said no. Apparently Quellano left.");
    assert_eq!(names(&extract(&d), EntityKind::Person), ["Fabio Quellano"]);
}

#[test]
fn a_bare_capitalised_word_needs_a_cue_or_another_mention() {
    let d = doc("Notes\n\nZorbal was quiet. Later we drove to Quixton and waited for Zorbal.");
    let e = extract(&d);
    assert_eq!(names(&e, EntityKind::Place), ["Quixton"]);
    assert!(names(&e, EntityKind::Person).is_empty());
}

#[test]
fn a_sentence_initial_name_is_found_when_the_document_names_it_elsewhere() {
    let d = doc("Notes\n\nMr. Zorbal arrived. Zorbal said little.");
    let e = extract(&d);
    assert_eq!(find(&e, "Zorbal").mentions.len(), 2);
}

#[test]
fn organization_words_make_organizations() {
    let d = doc(
        "Notes\n\nThe Ministry of Foreign Affairs wrote to the Canadian Wheat Board and to the \
         Chun & Jane Chiu Family Foundation. Traffic on the Chinese Changchun Railway [KChZhD] \
         resumed.",
    );
    let e = extract(&d);
    assert_eq!(
        names(&e, EntityKind::Organization),
        [
            "Canadian Wheat Board",
            "Chinese Changchun Railway",
            "Chun & Jane Chiu Family Foundation",
            "Ministry of Foreign Affairs"
        ]
    );
    assert_eq!(
        find(&e, "Chinese Changchun Railway").aliases,
        ["KChZhD"],
        "an abbreviation in brackets is an alias"
    );
    assert!(names(&e, EntityKind::Person).is_empty());
}

#[test]
fn place_affixes_and_cues_find_places_the_gazetteer_lacks() {
    let d = doc(
        "Notes\n\nShips at Thunder Bay went to Lake Quorn and then on to Taku and Point \
         Angelos. Point Four was read.",
    );
    let e = extract(&d);
    assert_eq!(
        names(&e, EntityKind::Place),
        ["Lake Quorn", "Point Angelos", "Taku", "Thunder Bay"]
    );
}

#[test]
fn a_place_word_before_a_known_name_takes_the_name_whole() {
    let d =
        doc("Notes\n\nThe ice in the Gulf of Saint Lawrence held the ships at Cape Saint Helena.");
    let e = extract(&d);
    assert_eq!(
        names(&e, EntityKind::Place),
        ["Cape Saint Helena", "Gulf of Saint Lawrence"]
    );
}

#[test]
fn a_compass_adjective_before_a_known_place_names_no_place_of_its_own() {
    let d = doc("Notes\n\nTrade in Southeastern Europe and in Northwestern Persia grew.");
    assert_eq!(names(&extract(&d), EntityKind::Place), ["Europe", "Persia"]);
}

#[test]
fn nineteenth_century_spellings_name_the_place() {
    let d = doc("Notes\n\nPort au Prince, Hayti, May 2, 1884.\n\nThe steamer left Port-au-Prince.");
    let e = extract(&d);
    assert_eq!(names(&e, EntityKind::Place), ["Hayti", "Port-au-Prince"]);
    assert_eq!(find(&e, "Port-au-Prince").mentions.len(), 2);
}

#[test]
fn an_office_holder_in_parentheses_is_a_person() {
    let d = doc("Notes\n\nThe Consul at Beirut (Steger) to the Secretary of State (Hull)");
    let e = extract(&d);
    assert_eq!(names(&e, EntityKind::Person), ["Hull", "Steger"]);
    assert_eq!(names(&e, EntityKind::Place), ["Beirut"]);
}

#[test]
fn an_office_holder_in_parentheses_may_bear_a_places_name() {
    let d = doc(
        "Notes\n\nThe Chargé in Colombia (Washington) to the Secretary of State. The Consul at \
         Mukden (Shenyang) agreed.",
    );
    let e = extract(&d);
    assert_eq!(names(&e, EntityKind::Person), ["Washington"]);
    assert_eq!(find(&e, "Mukden").mentions.len(), 2);
}

#[test]
fn parentheses_after_a_sentence_end_hold_no_office_holder() {
    let d = doc("Notes\n\nShe trusts the people of Beirut. (Signed) Ferdinand.");
    assert!(names(&extract(&d), EntityKind::Person).is_empty());
}

#[test]
fn given_names_and_particles_belong_to_the_name() {
    let d = doc("Notes\n\nI saw Henry White and M. de Cologan with Count von Waldersee.");
    let e = extract(&d);
    assert_eq!(
        names(&e, EntityKind::Person),
        ["Henry White", "M. de Cologan", "von Waldersee"]
    );
}

#[test]
fn memo_structure_names_participants_and_resolves_signature_initials() {
    let text = "**Wilson\nCenter**\n\nDigital Archive\n\nJuly 3, 1945\n\n**Memo**\n\n\
                Contents:\n\nTranscript - English\n\nMemcon A. Harriman - Zorbal\n\n\
                TOP SECRET Quixton\n\nPresent: W. A. Harriman, American Ambassador\n\
                Dr. K. L. Zorbal\n\nSubject: Ports\n\nZorbal spoke of Quixton.\n\nWAH";
    let d = doc(text);
    let e = extract(&d);
    let h = find(&e, "W. A. Harriman");
    assert!(
        texts(&d, h).contains(&"WAH".to_string()),
        "{:?}",
        texts(&d, h)
    );
    assert!(texts(&d, h).contains(&"A. Harriman".to_string()));
    assert_eq!(find(&e, "K. L. Zorbal").mentions.len(), 3);
    assert_eq!(
        find(&e, "Quixton").mentions.len(),
        2,
        "the dateline names a place"
    );
}

#[test]
fn dotted_signature_initials_name_the_participant() {
    for sig in ["W. J. B.", "W.J.B.", "WJB"] {
        let text = format!(
            "Notes\n\nPresent: Mr. William J. Brandeth, Counselor\nMr. K. L. Zorbal\n\n\
             Subject: Ports\n\nZorbal spoke of the ports.\n\n{sig}"
        );
        let d = doc(&text);
        let e = extract(&d);
        let b = find(&e, "William J. Brandeth");
        assert_eq!(b.mentions.len(), 2, "{sig}: {:?}", texts(&d, b));
        assert_eq!(names(&e, EntityKind::Person).len(), 2, "{sig}");
    }
}

#[test]
fn a_dateline_names_its_place() {
    let d = doc("Notes\n\nMr. Smith to Mr. Jones.\n\nQuixton, April 16, 1901.\n\nSir: I report.");
    let e = extract(&d);
    assert_eq!(names(&e, EntityKind::Place), ["Quixton"]);
    assert_eq!(names(&e, EntityKind::Person), ["Jones", "Smith"]);
}

#[test]
fn a_signature_after_a_closing_is_a_person() {
    let d = doc("Notes\n\nI report.\n\nYours sincerely,\n\nQ. Zorbal");
    assert_eq!(names(&extract(&d), EntityKind::Person), ["Q. Zorbal"]);
}

#[test]
fn metadata_mentions_name_their_field() {
    let text = "**Wilson\nCenter**\n\nDigital Archive\n\nJuly 3, 1945\n\n**Letter from Stalin**\n\n\
                Summary:\n\nStalin writes to Harbin.\n\nContents:\n\nTranscript - English\n\n\
                Stalin was in Harbin.";
    let d = doc(text);
    let e = extract(&d);
    let s = find(&e, "Stalin");
    assert_eq!(s.mentions[0].site, Site::Field(MetaField::Title));
    assert_eq!(s.mentions[1].site, Site::Field(MetaField::Summary));
    assert!(matches!(s.mentions[2].site, Site::Block(_)));
    assert_eq!(s.ranges().count(), 1);
}

#[test]
fn the_archives_citation_credits_and_holdings_name_nothing_the_document_mentions() {
    let text = "**Foreign Relations\nof the United States**\nOffice of the Historian\n\n\
                July 3, 1945\n\n**Letter from Quixton**\n\nCitation:\n\n\"Letter from \
                Quixton\", July 3, 1945, Foreign Relations of the United States, Office of the \
                Historian, U.S. Department of State, translated by Mr. Lorne Abbotsleigh.\n\n\
                Original Archive:\n\nArchive of Foreign Policy of the Russian Federation\n\n\
                Credits:\n\nTranslated by Mr. Lorne Abbotsleigh for the Wilson Center.\n\n\
                Contents:\n\nTranscript - English\n\nThe road to Quixton is open.";
    let d = doc(text);
    assert!(d.metadata.citation.is_some() && d.metadata.credits.is_some());
    let e = extract(&d);
    let all: Vec<&str> = e.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(all, ["Quixton"]);
    let q = find(&e, "Quixton");
    assert_eq!(q.mentions[0].site, Site::Field(MetaField::Title));
    assert_eq!(q.mentions.len(), 2);
}

#[test]
fn names_fold_like_search_so_an_alias_without_strokes_names_the_place() {
    let d = doc("Notes\n\nThe train stopped at Łódź for an hour.");
    let e = extract(&d);
    let lodz = find(&e, "Łódź");
    assert!(lodz.is_named("Lodz"));
    let user = UserAliases::parse("aliases.toml", "hide = [\"Lodz\"]\n").expect("valid");
    let hidden = extract_with(&d, Lexicon::builtin(), &user);
    assert!(hidden.iter().all(|x| x.name != "Łódź"), "{hidden:#?}");
}

#[test]
fn a_place_is_named_as_the_document_names_it_most() {
    let d = doc("Notes\n\nIran and Persia. Later Iran agreed, and Iran signed.");
    let e = extract(&d);
    let iran = e.iter().find(|x| x.is_named("Iran")).expect("found");
    assert_eq!(iran.name, "Iran");
    assert_eq!(iran.aliases, ["Persia"]);
    // `America` is not the United States.
    let d = doc("Notes\n\nThe United States and America.");
    assert_eq!(
        names(&extract(&d), EntityKind::Place),
        ["America", "United States"]
    );
}

#[test]
fn a_chinese_prefecture_or_county_suffix_makes_a_place() {
    let d = doc("Notes\n\nThe troops left Chao-ling-fu, and Wu-an-hsien was quiet.");
    assert_eq!(
        names(&extract(&d), EntityKind::Place),
        ["Chao-ling-fu", "Wu-an-hsien"]
    );
}

#[test]
fn cues_that_do_not_make_a_place() {
    let d = doc(
        "Notes\n\nHe promised a result in Hernsheim case. He asked the Minister of Agriculture. \
         Tourists come through Puerto Barrios and Sao Lourenco to Quixton.",
    );
    let e = extract(&d);
    assert_eq!(
        names(&e, EntityKind::Place),
        ["Puerto Barrios", "Quixton", "Sao Lourenco"]
    );
}

#[test]
fn newspapers_pronouns_and_french_particles_are_not_people() {
    let d = doc(
        "Notes\n\nIt was published in the Gazette of Madrid. Everybody wishes them well. Persons who \
         know the rules agree. He is Chargé d’Affaires de la Confédération de l’Allemagne du Nord. \
         Mr. Arendt of the North German Confederation left.",
    );
    let e = extract(&d);
    assert_eq!(names(&e, EntityKind::Person), ["Arendt"]);
    assert_eq!(
        names(&e, EntityKind::Organization),
        ["North German Confederation"]
    );
}

#[test]
fn a_mention_stays_small_and_keeps_a_metadata_line_number() {
    // A 100 MB document has about three million mentions, all alive while it is read.
    assert!(std::mem::size_of::<Mention>() <= 20);
    let meta = crate::document::Metadata {
        contents: vec!["Original Scan".into(), "Transcript of Dairen".into()],
        ..Default::default()
    };
    let m = Mention {
        site: Site::Field(MetaField::Contents(1)),
        start: 14,
        end: 20,
        adjectival: false,
    };
    let d = Document {
        metadata: meta,
        ..Default::default()
    };
    assert_eq!(m.text(&d), "Dairen");
    assert_eq!(m.range(), None);
}
