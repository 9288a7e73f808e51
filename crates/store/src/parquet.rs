//! Parquet export, partitioned by month the way Hive, Spark, DuckDB and Trino expect
//! (`DIR/month=2021-03/part-0.parquet`; undated events under `month=undated`: Hive's null partition
//! name breaks pyarrow's reader of partitioned folders),
//! one flat row per event with GDELT's counts. Each file is written beside its final name and
//! renamed when complete, so a reader never sees half a file.

use crate::query::{Filter, StoredEvent};
use crate::{Result, Store, StoreError};
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use rusqlite::types::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The partition of events without a date.
pub const UNDATED: &str = "undated";

/// Rows in one row group.
const ROW_GROUP: usize = 65_536;

enum Kind {
    Str,
    I32,
    I64,
    F64,
}

enum Val {
    Str(Option<String>),
    I32(Option<i32>),
    I64(Option<i64>),
    F64(Option<f64>),
}

type Get = fn(&StoredEvent) -> Val;

fn actor_field(
    a: &Option<palaver_core::event::ActorRecord>,
    f: fn(&palaver_core::event::ActorRecord) -> Option<String>,
) -> Val {
    Val::Str(a.as_ref().and_then(f))
}

/// The columns: name, type, required, and how to read it from an event.
fn columns() -> Vec<(&'static str, Kind, bool, Get)> {
    vec![
        ("event_id", Kind::I64, true, |e| Val::I64(Some(e.id))),
        ("date", Kind::Str, false, |e| Val::Str(e.event.date.clone())),
        ("date_precision", Kind::Str, true, |e| Val::Str(Some(e.event.date_precision.clone()))),
        ("source_text", Kind::Str, false, |e| actor_field(&e.event.source, |a| Some(a.text.clone()))),
        ("source_code", Kind::Str, false, |e| actor_field(&e.event.source, |a| a.code.clone())),
        ("source_actor_id", Kind::Str, false, |e| actor_field(&e.event.source, |a| a.actor_id.clone())),
        ("source_name", Kind::Str, false, |e| actor_field(&e.event.source, |a| a.name.clone())),
        ("source_country", Kind::Str, false, |e| actor_field(&e.event.source, |a| a.country.clone())),
        ("source_sector", Kind::Str, false, |e| actor_field(&e.event.source, |a| a.sector.clone())),
        ("target_text", Kind::Str, false, |e| actor_field(&e.event.target, |a| Some(a.text.clone()))),
        ("target_code", Kind::Str, false, |e| actor_field(&e.event.target, |a| a.code.clone())),
        ("target_actor_id", Kind::Str, false, |e| actor_field(&e.event.target, |a| a.actor_id.clone())),
        ("target_name", Kind::Str, false, |e| actor_field(&e.event.target, |a| a.name.clone())),
        ("target_country", Kind::Str, false, |e| actor_field(&e.event.target, |a| a.country.clone())),
        ("target_sector", Kind::Str, false, |e| actor_field(&e.event.target, |a| a.sector.clone())),
        ("cameo", Kind::Str, true, |e| Val::Str(Some(e.event.cameo.clone()))),
        ("cameo_root", Kind::Str, true, |e| Val::Str(Some(e.event.cameo_root.clone()))),
        ("quad_class", Kind::I32, true, |e| Val::I32(Some(i32::from(e.event.quad_class)))),
        ("goldstein", Kind::F64, true, |e| Val::F64(Some(f64::from(e.event.goldstein)))),
        ("plover_event", Kind::Str, false, |e| Val::Str(e.event.plover.event.clone())),
        ("plover_mode", Kind::Str, false, |e| Val::Str(e.event.plover.mode.clone())),
        ("acled_event_type", Kind::Str, false, |e| Val::Str(e.event.acled.as_ref().and_then(|a| a.event_type.clone()))),
        ("acled_sub_event_type", Kind::Str, false, |e| {
            Val::Str(e.event.acled.as_ref().and_then(|a| a.sub_event_type.clone()))
        }),
        ("place_name", Kind::Str, false, |e| Val::Str(e.event.location.as_ref().map(|l| l.name.clone()))),
        ("place_country", Kind::Str, false, |e| Val::Str(e.event.location.as_ref().and_then(|l| l.country.clone()))),
        ("admin1", Kind::Str, false, |e| Val::Str(e.event.location.as_ref().and_then(|l| l.admin1.clone()))),
        ("admin2", Kind::Str, false, |e| Val::Str(e.event.location.as_ref().and_then(|l| l.admin2.clone()))),
        ("lat", Kind::F64, false, |e| Val::F64(e.event.location.as_ref().map(|l| l.lat))),
        ("lon", Kind::F64, false, |e| Val::F64(e.event.location.as_ref().map(|l| l.lon))),
        ("place_precision", Kind::Str, false, |e| Val::Str(e.event.location.as_ref().map(|l| l.precision.clone()))),
        ("geonameid", Kind::I64, false, |e| {
            Val::I64(e.event.location.as_ref().and_then(|l| l.geonameid).map(|g| g as i64))
        }),
        ("fatalities", Kind::I32, false, |e| Val::I32(e.event.fatalities.map(|f| f as i32))),
        ("num_mentions", Kind::I32, true, |e| Val::I32(Some(e.num_mentions as i32))),
        ("num_articles", Kind::I32, true, |e| Val::I32(Some(e.num_articles as i32))),
        ("num_sources", Kind::I32, true, |e| Val::I32(Some(e.num_sources as i32))),
        ("doc_id", Kind::Str, true, |e| Val::Str(Some(e.event.doc_id.clone()))),
        ("url", Kind::Str, false, |e| Val::Str(e.url.clone())),
        ("sentence", Kind::Str, true, |e| Val::Str(Some(e.event.evidence.sentence.clone()))),
        ("rule", Kind::Str, true, |e| Val::Str(Some(e.event.rule.clone()))),
    ]
}

fn schema() -> String {
    let mut s = String::from("message palaver_event {\n");
    for (name, kind, required, _) in columns() {
        let rep = if required { "required" } else { "optional" };
        let ty = match kind {
            Kind::Str => "binary",
            Kind::I32 => "int32",
            Kind::I64 => "int64",
            Kind::F64 => "double",
        };
        let ann = if matches!(kind, Kind::Str) { " (UTF8)" } else { "" };
        s.push_str(&format!("  {rep} {ty} {name}{ann};\n"));
    }
    s.push('}');
    s
}

fn pq(e: parquet::errors::ParquetError) -> StoreError {
    StoreError::Io(std::io::Error::other(format!("Parquet: {e}")))
}

/// What an export wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParquetSummary {
    pub files: Vec<PathBuf>,
    pub rows: u64,
}

/// Writes the events a filter selects under `dir`, one file per month. `dir` must not hold
/// Parquet files already (an export never mixes with an older one).
pub fn export(store: &Store, filter: &Filter, dir: &Path) -> Result<ParquetSummary> {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        return Err(StoreError::BadQuery(format!(
            "{} is not empty: export into a new folder, so that old and new files never mix",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir)?;
    let (clause, params) = filter.sql()?;
    let months: Vec<Option<i64>> = {
        let sql = format!("SELECT DISTINCT e.ym FROM events e WHERE {clause} ORDER BY e.ym");
        let mut stmt = store.conn.prepare(&sql).map_err(|e| store.explain(e.into()))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params.iter()), |r| r.get(0))
            .map_err(|e| store.explain(e.into()))?;
        rows.collect::<rusqlite::Result<_>>().map_err(|e| store.explain(e.into()))?
    };
    let schema = Arc::new(parse_message_type(&schema()).map_err(pq)?);
    let props = Arc::new(WriterProperties::builder().set_compression(Compression::SNAPPY).build());
    let mut summary = ParquetSummary::default();
    for month in months {
        let name = match month {
            Some(ym) => format!("month={:04}-{:02}", ym / 100, ym % 100),
            None => format!("month={UNDATED}"),
        };
        let part = dir.join(name);
        std::fs::create_dir_all(&part)?;
        let final_path = part.join("part-0.parquet");
        let tmp = part.join(".part-0.parquet.partial");
        let file = std::fs::File::create(&tmp)?;
        let mut writer = SerializedFileWriter::new(file, schema.clone(), props.clone()).map_err(pq)?;
        let mut buffer: Vec<StoredEvent> = Vec::with_capacity(ROW_GROUP);
        let extra = match month {
            Some(ym) => ("e.ym = ?", Value::Integer(ym)),
            None => ("e.ym IS NULL AND ? IS NULL", Value::Null),
        };
        store.each_event_where(filter, Some(extra), |ev| {
            buffer.push(ev);
            if buffer.len() == ROW_GROUP {
                write_group(&mut writer, &buffer)?;
                summary.rows += buffer.len() as u64;
                buffer.clear();
            }
            Ok(())
        })?;
        if !buffer.is_empty() {
            write_group(&mut writer, &buffer)?;
            summary.rows += buffer.len() as u64;
        }
        writer.close().map_err(pq)?;
        std::fs::rename(&tmp, &final_path)?;
        summary.files.push(final_path);
    }
    Ok(summary)
}

fn write_group(writer: &mut SerializedFileWriter<std::fs::File>, rows: &[StoredEvent]) -> Result<()> {
    let mut group = writer.next_row_group().map_err(pq)?;
    for (_, kind, required, get) in columns() {
        let Some(mut col) = group.next_column().map_err(pq)? else {
            return Err(StoreError::Corrupt("Parquet schema and columns disagree".into()));
        };
        let vals: Vec<Val> = rows.iter().map(get).collect();
        let defs: Vec<i16> = vals
            .iter()
            .map(|v| {
                i16::from(match v {
                    Val::Str(x) => x.is_some(),
                    Val::I32(x) => x.is_some(),
                    Val::I64(x) => x.is_some(),
                    Val::F64(x) => x.is_some(),
                })
            })
            .collect();
        let levels = if required { None } else { Some(defs.as_slice()) };
        match kind {
            Kind::Str => {
                let v: Vec<ByteArray> = vals
                    .into_iter()
                    .filter_map(|v| match v {
                        Val::Str(Some(s)) => Some(ByteArray::from(s.into_bytes())),
                        Val::Str(None) if required => Some(ByteArray::from(Vec::new())),
                        _ => None,
                    })
                    .collect();
                col.typed::<ByteArrayType>().write_batch(&v, levels, None).map_err(pq)?;
            }
            Kind::I32 => {
                let v: Vec<i32> = vals.into_iter().filter_map(|v| if let Val::I32(x) = v { x } else { None }).collect();
                col.typed::<Int32Type>().write_batch(&v, levels, None).map_err(pq)?;
            }
            Kind::I64 => {
                let v: Vec<i64> = vals.into_iter().filter_map(|v| if let Val::I64(x) = v { x } else { None }).collect();
                col.typed::<Int64Type>().write_batch(&v, levels, None).map_err(pq)?;
            }
            Kind::F64 => {
                let v: Vec<f64> = vals.into_iter().filter_map(|v| if let Val::F64(x) = v { x } else { None }).collect();
                col.typed::<DoubleType>().write_batch(&v, levels, None).map_err(pq)?;
            }
        }
        col.close().map_err(pq)?;
    }
    group.close().map_err(pq)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_schema_parses() {
        parquet::schema::parser::parse_message_type(&super::schema()).expect("valid schema");
    }
}
