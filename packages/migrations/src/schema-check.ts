import { readFile } from 'node:fs/promises';
import type * as DMMF from '@prisma/dmmf';
import { getDMMF } from '@prisma/get-dmmf';
import pg from 'pg';

/** One way in which the database differs from `schema.prisma`, in words. */
export type SchemaDifference = string;

/** The PostgreSQL type Prisma's default mapping gives each scalar (information_schema's udt_name). */
const defaultColumnType: Record<string, string> = {
  String: 'text',
  Int: 'int4',
  BigInt: 'int8',
  Float: 'float8',
  Decimal: 'numeric',
  Boolean: 'bool',
  DateTime: 'timestamp',
  Json: 'jsonb',
  Bytes: 'bytea',
};

/** `@db.X` native types, by their udt_name. */
const nativeColumnType: Record<string, string> = {
  Text: 'text',
  VarChar: 'varchar',
  Char: 'bpchar',
  Uuid: 'uuid',
  SmallInt: 'int2',
  Integer: 'int4',
  BigInt: 'int8',
  Real: 'float4',
  DoublePrecision: 'float8',
  Decimal: 'numeric',
  Money: 'money',
  Boolean: 'bool',
  Timestamp: 'timestamp',
  Timestamptz: 'timestamptz',
  Date: 'date',
  Time: 'time',
  Timetz: 'timetz',
  Json: 'json',
  JsonB: 'jsonb',
  ByteA: 'bytea',
  Inet: 'inet',
  Citext: 'citext',
  Xml: 'xml',
  Bit: 'bit',
  VarBit: 'varbit',
  Oid: 'oid',
};

interface ColumnRow {
  table_name: string;
  column_name: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
}

interface DatabaseShape {
  columns: Map<string, Map<string, ColumnRow>>;
  enums: Map<string, string[]>;
  /** "table(col1,col2)" for every unique index or constraint. */
  uniques: Set<string>;
  primaryKeys: Set<string>;
  /** "table(cols)->table(cols)" for every foreign key. */
  foreignKeys: Set<string>;
}

export async function parseSchema(schemaPath: string): Promise<DMMF.Datamodel> {
  const result = getDMMF({ datamodel: [[schemaPath, await readFile(schemaPath, 'utf8')]] });
  if ('error' in result)
    throw new Error(`${schemaPath} is not a valid Prisma schema: ${result.error.message}`);
  return result.datamodel;
}

async function readDatabase(databaseUrl: string, schema: string): Promise<DatabaseShape> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const columns = await client.query<ColumnRow>(
      `SELECT table_name, column_name, udt_name, is_nullable
         FROM information_schema.columns WHERE table_schema = $1`,
      [schema],
    );
    const enums = await client.query<{ name: string; labels: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = $1 GROUP BY t.typname`,
      [schema],
    );
    const indexes = await client.query<{ key: string; kind: 'unique' | 'primary' }>(
      `SELECT format('%s(%s)', t.relname, string_agg(a.attname, ',' ORDER BY k.ord)) AS key,
              CASE WHEN i.indisprimary THEN 'primary' ELSE 'unique' END AS kind
         FROM pg_index i
         JOIN pg_class t ON t.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE n.nspname = $1 AND i.indisunique
        GROUP BY i.indexrelid, t.relname, i.indisprimary`,
      [schema],
    );
    const foreignKeys = await client.query<{ key: string }>(
      `SELECT format('%s(%s)->%s(%s)', src.relname,
                (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum),
                dst.relname,
                (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum)) AS key
         FROM pg_constraint c
         JOIN pg_class src ON src.oid = c.conrelid
         JOIN pg_class dst ON dst.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = src.relnamespace
        WHERE c.contype = 'f' AND n.nspname = $1`,
      [schema],
    );
    const byTable = new Map<string, Map<string, ColumnRow>>();
    for (const row of columns.rows) {
      const table = byTable.get(row.table_name) ?? new Map<string, ColumnRow>();
      table.set(row.column_name, row);
      byTable.set(row.table_name, table);
    }
    return {
      columns: byTable,
      enums: new Map(enums.rows.map((row) => [row.name, row.labels])),
      uniques: new Set(indexes.rows.filter((row) => row.kind === 'unique').map((row) => row.key)),
      primaryKeys: new Set(
        indexes.rows.filter((row) => row.kind === 'primary').map((row) => row.key),
      ),
      foreignKeys: new Set(foreignKeys.rows.map((row) => row.key)),
    };
  } finally {
    await client.end();
  }
}

function expectedColumnType(field: DMMF.Field, enumNames: Map<string, string>): string {
  if (field.kind === 'enum') return enumNames.get(field.type) ?? field.type;
  const native = field.nativeType?.[0];
  if (native) return nativeColumnType[native] ?? native.toLowerCase();
  return defaultColumnType[field.type] ?? field.type.toLowerCase();
}

/**
 * Compares a migrated database with `schema.prisma`: every model's table, every scalar and
 * enum field's column with its type and nullability, enum values, primary keys, unique
 * constraints and foreign keys; and tables or columns the schema does not know. Returns
 * the differences (none when they agree).
 */
export async function compareDatabaseToSchema(
  databaseUrl: string,
  schemaPath: string,
  databaseSchema = 'public',
): Promise<SchemaDifference[]> {
  const model = await parseSchema(schemaPath);
  const database = await readDatabase(databaseUrl, databaseSchema);
  const differences: SchemaDifference[] = [];
  const enumNames = new Map(model.enums.map((e) => [e.name, e.dbName ?? e.name]));

  for (const prismaEnum of model.enums) {
    const name = prismaEnum.dbName ?? prismaEnum.name;
    const expected = prismaEnum.values.map((value) => value.dbName ?? value.name);
    const actual = database.enums.get(name);
    if (!actual) differences.push(`enum ${name} is missing`);
    else if (expected.join(',') !== actual.join(','))
      differences.push(
        `enum ${name} has values [${actual.join(', ')}], schema says [${expected.join(', ')}]`,
      );
  }

  const knownTables = new Set(['_prisma_migrations']);
  for (const entity of model.models) {
    const table = entity.dbName ?? entity.name;
    knownTables.add(table);
    const columns = database.columns.get(table);
    if (!columns) {
      differences.push(`table ${table} (model ${entity.name}) is missing`);
      continue;
    }
    const columnOf = new Map(
      entity.fields.map((field) => [field.name, field.dbName ?? field.name]),
    );
    const knownColumns = new Set<string>();
    for (const field of entity.fields) {
      if (field.kind === 'object') {
        if (field.relationFromFields && field.relationFromFields.length > 0) {
          const target = model.models.find((m) => m.name === field.type);
          const from = field.relationFromFields.map((name) => columnOf.get(name) ?? name).join(',');
          const targetColumns = new Map(target?.fields.map((f) => [f.name, f.dbName ?? f.name]));
          const to = (field.relationToFields ?? [])
            .map((name) => targetColumns.get(name) ?? name)
            .join(',');
          const key = `${table}(${from})->${target?.dbName ?? field.type}(${to})`;
          if (!database.foreignKeys.has(key)) differences.push(`foreign key ${key} is missing`);
        }
        continue;
      }
      const column = field.dbName ?? field.name;
      knownColumns.add(column);
      const row = columns.get(column);
      if (!row) {
        differences.push(
          `column ${table}.${column} (field ${entity.name}.${field.name}) is missing`,
        );
        continue;
      }
      const baseType = expectedColumnType(field, enumNames);
      const expectedType = field.isList ? `_${baseType}` : baseType;
      if (row.udt_name !== expectedType) {
        differences.push(
          `column ${table}.${column} is ${row.udt_name}, schema says ${expectedType}`,
        );
      }
      const expectedNullable = field.isList || !field.isRequired ? 'YES' : 'NO';
      if (row.is_nullable !== expectedNullable) {
        differences.push(
          `column ${table}.${column} is ${row.is_nullable === 'YES' ? 'nullable' : 'NOT NULL'}, schema says ${expectedNullable === 'YES' ? 'optional' : 'required'}`,
        );
      }
      if (field.isUnique && !database.uniques.has(`${table}(${column})`)) {
        differences.push(`unique constraint on ${table}.${column} is missing`);
      }
    }
    for (const column of columns.keys()) {
      if (!knownColumns.has(column))
        differences.push(`column ${table}.${column} is not in the schema`);
    }
    const idColumns = entity.primaryKey
      ? entity.primaryKey.fields.map((name) => columnOf.get(name) ?? name)
      : entity.fields.filter((field) => field.isId).map((field) => field.dbName ?? field.name);
    if (idColumns.length > 0 && !database.primaryKeys.has(`${table}(${idColumns.join(',')})`)) {
      differences.push(`primary key ${table}(${idColumns.join(',')}) is missing`);
    }
    for (const unique of entity.uniqueFields) {
      const key = `${table}(${unique.map((name) => columnOf.get(name) ?? name).join(',')})`;
      if (!database.uniques.has(key)) differences.push(`unique constraint ${key} is missing`);
    }
  }
  for (const table of database.columns.keys()) {
    if (!knownTables.has(table)) differences.push(`table ${table} is not in the schema`);
  }
  return differences;
}
