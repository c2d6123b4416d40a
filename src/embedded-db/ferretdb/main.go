// Command mongo-server runs FerretDB (SQLite backend) embedded as a library, so the tests and
// the local playground get a real MongoDB wire-protocol server without a mongod binary.
//
// It listens on -listen (default 127.0.0.1:0, a free port), keeps its data under -data, prints
// one line "ready <mongodb-uri>" on stdout once it accepts connections, and exits on SIGINT,
// SIGTERM or when its standard input closes (so it never outlives the process that started it).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on (port 0 picks a free one)")
	data := flag.String("data", "", "directory for the SQLite data files (created if missing)")
	logLevel := flag.String("log-level", "error", "log level: debug, info, warn or error")
	watchStdin := flag.Bool("watch-stdin", true, "exit when standard input closes")
	flag.Parse()

	if *data == "" {
		fmt.Fprintln(os.Stderr, "mongo-server: -data is required (a directory for the SQLite files)")
		os.Exit(2)
	}
	dir, err := filepath.Abs(*data)
	if err == nil {
		err = os.MkdirAll(dir, 0o700)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "mongo-server: cannot use data directory %q: %v\n", *data, err)
		os.Exit(2)
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintf(os.Stderr, "mongo-server: bad -log-level %q: %v\n", *logLevel, err)
		os.Exit(2)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "mongo-server: %v\n", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if *watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	go keepIDIndexes(ctx, dir, logger)

	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := f.Run(ctx); err != nil {
			fmt.Fprintf(os.Stderr, "mongo-server: %v\n", err)
		}
	}()

	fmt.Printf("ready %s\n", f.MongoDBURI())
	<-done
}
