%% Regenerates the benchmark inputs (erl -noshell -eval "$(cat generate.erl)" -s init stop, run in this folder).
%% Each file is term_to_binary(T, [compressed, {minor_version, 2}]) of a real reply from a node with 10,000 processes.
Pids = [spawn(fun() -> _ = lists:seq(1, I rem 500), receive stop -> ok end end) || I <- lists:seq(1, 10000)],
[begin P = lists:nth(I, Pids), register(list_to_atom("worker_" ++ integer_to_list(I)), P) end || I <- lists:seq(1, 10000, 7)],
[P ! {msg, I} || {I, P} <- lists:zip(lists:seq(1, 10000), Pids), I rem 13 =:= 0],
timer:sleep(200),
Info = [[{pid, P} | process_info(P, [registered_name, message_queue_len, memory, reductions, current_function])] || P <- lists:sublist(processes(), 10000)],
Memory = erlang:memory(),
Procs = erlang:system_info(procs),
io:format("procs is_binary ~w size ~w~n", [is_binary(Procs), iolist_size(Procs)]),
W = fun(Name, T) -> B = term_to_binary(T, [{minor_version, 2}]), Z = term_to_binary(T, [compressed, {minor_version, 2}]),
        io:format("~s raw ~w compressed ~w~n", [Name, byte_size(B), byte_size(Z)]),
        ok = file:write_file(Name ++ ".bin.z", Z) end,
%% Cut at a line end near 1 MiB: what system_info(procs) returns on a node with ~1,200 processes.
Cut = lists:last([Pos || {Pos, _} <- binary:matches(binary:part(Procs, 0, 1048576), <<"\n">>)]) + 1,
Procs1M = binary:part(Procs, 0, Cut),
W("memory", Memory), W("process_info", Info), W("system_info_procs", Procs1M), W("system_info_procs_list", binary_to_list(Procs1M)),
io:format("~P~n", [hd(Info), 20]),
io:format("~P~n", [Memory, 20]).
