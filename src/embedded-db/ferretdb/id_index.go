package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the driver FerretDB's SQLite backend uses, registered as "sqlite"
)

// keepIDIndexes makes FerretDB's _id lookups use an index.
//
// FerretDB v1's SQLite backend answers a filter on _id alone with
// `WHERE _ferretdb_sjson->'$._id' = ?`, but the unique index it creates is on
// `_ferretdb_sjson->"_id"`, a different expression, so SQLite scans the whole table for every
// findOne/updateOne by _id and the cost of each grows with the collection. This loop adds an
// index on exactly the expression the queries use to every collection table it finds. It changes
// no result, only speed; FerretDB's own metadata never sees it, and a dropped collection drops it.
func keepIDIndexes(ctx context.Context, dir string, logger *slog.Logger) {
	dbs := map[string]*sql.DB{}
	done := map[string]bool{}
	defer func() {
		for _, db := range dbs {
			_ = db.Close()
		}
	}()

	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()

	for {
		files, _ := filepath.Glob(filepath.Join(dir, "*.sqlite"))
		forgetDropped(dbs, done, files)
		for _, file := range files {
			db, ok := dbs[file]
			if !ok {
				var err error
				// mode=rw: never create a file (a database dropped since the glob stays dropped).
				db, err = sql.Open("sqlite", "file:"+file+"?mode=rw&_pragma=busy_timeout(10000)")
				if err != nil {
					logger.Warn("cannot open for _id indexes", "file", file, "error", err)
					continue
				}
				db.SetMaxOpenConns(1)
				dbs[file] = db
			}
			if err := indexTables(ctx, db, file, done); err != nil && ctx.Err() == nil {
				logger.Debug("adding _id indexes", "file", file, "error", err)
			}
		}

		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// forgetDropped closes the connections to databases whose file is gone (dropped), so that SQLite
// can remove their -wal and -shm files and no handle to a dropped database is kept for ever.
func forgetDropped(dbs map[string]*sql.DB, done map[string]bool, files []string) {
	present := make(map[string]bool, len(files))
	for _, file := range files {
		present[file] = true
	}
	for file, db := range dbs {
		if present[file] {
			continue
		}
		_ = db.Close()
		delete(dbs, file)
		for key := range done {
			if strings.HasPrefix(key, file+"\x00") {
				delete(done, key)
			}
		}
	}
}

func indexTables(ctx context.Context, db *sql.DB, file string, done map[string]bool) error {
	rows, err := db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\_ferretdb\_%' ESCAPE '\' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			_ = rows.Close()
			return err
		}
		tables = append(tables, name)
	}
	_ = rows.Close()

	for _, table := range tables {
		key := file + "\x00" + table
		if done[key] {
			continue
		}
		quoted := `"` + strings.ReplaceAll(table, `"`, `""`) + `"`
		index := `"` + strings.ReplaceAll(table+"_pulsebot_id_expr", `"`, `""`) + `"`
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %s ON %s (_ferretdb_sjson->'$._id')`, index, quoted)
		if _, err := db.ExecContext(ctx, q); err != nil {
			return err
		}
		done[key] = true
	}
	return nil
}
