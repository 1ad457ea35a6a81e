# Throughput and p99 against concurrency; called by bench/run with dir='reports/bench'.
set terminal png size 900,540 noenhanced
set logscale x 2
set xlabel "connections"
set key outside right
set grid
files = "get_ping nginx_ping get_users_id pgbench_s post_users pgbench_insert put_users_id"
titles = '"GET /ping" "nginx /ping" "GET /users/<id>" "pgbench -S" "POST /users" "pgbench insert" "PUT /users/<id>"'
set output dir."/throughput.png"
set title "Throughput (server, database and wrk on one 2-core machine)"
set ylabel "requests/s"
plot for [i=1:words(files)] dir."/".word(files,i).".dat" using 1:2 with linespoints title word(titles,i)
set output dir."/p99.png"
set title "p99 latency"
set ylabel "ms"
set logscale y
plot for [i=1:words(files)] dir."/".word(files,i).".dat" using 1:3 with linespoints title word(titles,i)
set output dir."/table_size.png"
set title "Cost against table size (8 connections)"
set xlabel "rows in users"
set ylabel "p50 latency, ms"
plot dir."/rows_get_users_id.dat" using 1:2 with linespoints title "GET /users/<id>", \
     dir."/rows_get_users.dat" using 1:2 with linespoints title "GET /users (all rows)"
