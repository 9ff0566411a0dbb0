//! Tests of the push reader: chunk boundaries, line numbers, quotes.
use super::*;

fn read_all(
    bytes: &[u8],
    chunk: usize,
) -> Result<(Option<Vec<String>>, Vec<SourceRow>), ImportError> {
    let mut r = CsvReader::new(ReadOptions::default());
    let mut rows = Vec::new();
    for part in bytes.chunks(chunk.max(1)) {
        r.feed(part)?;
        rows.extend(r.take_rows());
    }
    r.finish()?;
    rows.extend(r.take_rows());
    Ok((r.header().map(<[String]>::to_vec), rows))
}

#[test]
fn quoted_newlines_doubled_quotes_and_mixed_endings_keep_line_numbers() {
    let text = b"a,b\r\n1,\"x\"\"y\"\n\"two\r\nlines\",3\r4,5\n\n6,7";
    for chunk in [1, 2, 3, 7, 1000] {
        let (header, rows) = read_all(text, chunk).unwrap();
        assert_eq!(header.unwrap(), ["a", "b"]);
        let got: Vec<(usize, Vec<&str>)> = rows
            .iter()
            .map(|r| (r.line, r.cells.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            got,
            vec![
                (2, vec!["1", "x\"y"]),
                (3, vec!["two\r\nlines", "3"]),
                (5, vec!["4", "5"]),
                (7, vec!["6", "7"]),
            ],
            "chunk {chunk}"
        );
    }
}

#[test]
fn an_unclosed_quote_names_its_line() {
    let err = read_all(b"a,b\n1,2\n3,\"oops\n4,5\n", 3).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Line 3 has an opening quote that is never closed."
    );
}

#[test]
fn whitespace_files_without_header_are_rows_of_words() {
    let (header, rows) =
        read_all(b"00001 19970101  1  11.77\r\n00002 19970112 2 20.00", 5).unwrap();
    assert!(header.is_none());
    assert_eq!(rows[1].cells, ["00002", "19970112", "2", "20.00"]);
    assert_eq!((rows[0].line, rows[1].line), (1, 2));
}

#[test]
fn a_header_with_a_repeated_name_is_refused() {
    let err = read_all(b"Email,Name,email \n", 100).unwrap_err();
    assert_eq!(
        err.to_string(),
        "The header has two columns named “Email” (columns 1 and 3). \
         Rename one of them and import the file again."
    );
}

#[test]
fn an_excel_sep_line_is_the_delimiter_not_the_header() {
    for chunk in [1, 4, 1000] {
        let (header, rows) = read_all(b"SEP=|\r\na|b\n1|2", chunk).unwrap();
        assert_eq!(header.unwrap(), ["a", "b"], "chunk {chunk}");
        assert_eq!(
            (rows[0].line, rows[0].cells.clone()),
            (3, vec!["1".into(), "2".into()])
        );
    }
    assert!(matches!(read_all(b"sep=;\n", 10), Err(ImportError::Empty)));
}

#[test]
fn rows_with_a_nul_are_marked_and_a_nul_in_the_header_refused() {
    let (_, rows) = read_all(b"a,b\n1,2\n3,4\x005\n", 3).unwrap();
    assert_eq!(rows[0].damage, None);
    assert_eq!(rows[1].damage, Some(RowDamage::Nul { column: 1 }));
    assert!(matches!(
        read_all(b"a,\x00b\n1,2\n", 3),
        Err(ImportError::NulInHeader { column: 2 })
    ));
}
