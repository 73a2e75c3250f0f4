%% The Gateway collection agent.
%%
%% The gateway compiles this module on a watched node from source, over RPC (erl_scan:string,
%% erl_parse:parse_form per form, compile:forms, code:load_binary), so it must stay free of
%% preprocessor features: no -include, no -define, no ?MACRO. Records would be fine but none are
%% needed. It must compile without warnings on OTP 25, 26 and 27.
%%
%% One call, collect(Opts), returns one term with everything the gateway needs for a cycle. The
%% shape of that term is documented in src/Collector/Beam/METRICS.md; an agentless gateway builds the
%% same term from plain BIF RPCs, so keep values raw (what the BIF returns) wherever that is cheap.
%%
%% The module is also a logger handler (log/2, adding_handler/1, removing_handler/1) and a gen_event
%% handler for SASL's alarm_handler (init/1, handle_event/2 ...): the forwarding side of logs and
%% alarms. Both send to a {Name, GatewayNode} given at install time and never block the caller.
%% collect/1 puts back whichever of the two handlers went missing since install/2 (removed by
%% someone, or SASL started after the install), so forwarding heals within one cycle.
-module(gateway_agent).
-vsn(4).

-export([version/0, collect/1, install/2, remove/0, forwarding_status/0]).
%% logger handler callbacks
-export([log/2, adding_handler/1, removing_handler/1, changing_config/3]).
%% gen_event callbacks (alarm_handler)
-export([init/1, handle_event/2, handle_call/2, handle_info/2, terminate/2, code_change/3]).

%% Bump with every change to this file, and rebuild gateway_agent.beam with build-beam.sh (the copy
%% for nodes without the compiler): the gateway reloads the module on a node when its own copy is
%% newer than the loaded one. GatewayAgentSource.Version is parsed from the line below.
version() -> 4.

%% ---------------------------------------------------------------------------------------------
%% collect/1
%% ---------------------------------------------------------------------------------------------

%% Opts (a map, every key optional):
%%   max_processes => integer()  processes scanned for message queues (default 100000; 0 skips
%%                               the scan and erlang:processes/0 altogether)
%%   top_n         => integer()  longest queues reported (default 10, at most 100)
%%   allocators    => boolean()  per-allocator carriers/blocks (default true)
%%   dist          => boolean()  distribution link statistics (default true)
%%   os_process    => boolean()  /proc/self figures on Linux (default true)
%%   mnesia        => boolean()  mnesia figures when mnesia runs (default true)
%%   call_timeout  => integer()  ms for calls into application_controller, mnesia and SASL's
%%                               alarm_handler (default 1000)
%%   code          => boolean()  module clashes on the code path and modules with old code (default true)
%%   msacc         => boolean()  microstate accounting per thread when the node has it switched on
%%                               (default true; never switches it on)
%%
%% Before collecting, the handlers install/2 set up are checked and any missing one added back
%% (ensure_forwarding/1): the one change collect/1 makes to the node beyond prometheus.erl's.
collect(Opts0) ->
    Opts = case is_map(Opts0) of
               true -> Opts0;
               false -> #{}
           end,
    ensure_forwarding(opt(call_timeout, Opts, 1000)),
    SystemInfo = system_info(),
    Apps = applications(opt(call_timeout, Opts, 1000)),
    #{agent_version => version(),
      node => node(),
      time_ms => os:system_time(millisecond),
      otp_release => safe(fun() -> erlang:system_info(otp_release) end, undefined),
      erts_version => safe(fun() -> erlang:system_info(version) end, undefined),
      os_type => safe(fun() -> os:type() end, undefined),
      uptime_ms => uptime_ms(),
      memory => safe(fun() -> erlang:memory() end, []),
      ets_tables => safe(fun() -> erlang:system_info(ets_count) end, undefined),
      dets_tables => safe(fun dets_tables/0, undefined),
      statistics => statistics(),
      system_info => SystemInfo,
      allocators => when_enabled(allocators, Opts, fun allocators/0, []),
      dist => when_enabled(dist, Opts, fun dist/0, []),
      msacc => when_enabled(msacc, Opts, fun msacc/0, undefined),
      os_process => when_enabled(os_process, Opts, fun os_process/0, undefined),
      message_queues => message_queues(opt(max_processes, Opts, 100000), min(opt(top_n, Opts, 10), 100)),
      registered => safe(fun() -> length(erlang:registered()) end, undefined),
      modules => safe(fun() -> length(erlang:loaded()) end, undefined),
      applications => Apps,
      mnesia => when_enabled(mnesia, Opts,
                             fun() -> mnesia_info(Apps, opt(call_timeout, Opts, 1000)) end,
                             undefined),
      alarms => alarms(),
      module_clashes => when_enabled(code, Opts, fun module_clashes/0, undefined),
      old_code => when_enabled(code, Opts, fun old_code/0, undefined),
      forwarding => forwarding_status()}.

opt(Key, Opts, Default) ->
    case maps:get(Key, Opts, Default) of
        V when is_integer(V), V >= 0 -> V;
        _ -> Default
    end.

when_enabled(Key, Opts, Fun, Disabled) ->
    case maps:get(Key, Opts, true) of
        false -> Disabled;
        _ -> safe(Fun, Disabled)
    end.

%% Every probe is guarded: a node of another OTP release, a feature switched off (+Meamin makes
%% erlang:memory/0 raise notsup) or a racing process exit must cost one field, never the cycle.
safe(Fun, Default) ->
    try Fun()
    catch _:_ -> Default
    end.

uptime_ms() ->
    safe(fun() ->
                 erlang:convert_time_unit(erlang:monotonic_time() - erlang:system_info(start_time),
                                          native, millisecond)
         end, undefined).

%% dets:all/0 starts the dets server when it is not running; a collector must not change the node,
%% and no server means no open DETS tables.
dets_tables() ->
    case whereis(dets) of
        undefined -> 0;
        _ -> length(dets:all())
    end.

%% Raw return values of erlang:statistics/1, keyed by the item.
statistics() ->
    Items = [context_switches, garbage_collection, io, reductions, run_queue, runtime, wall_clock,
             run_queue_lengths_all],
    maps:from_list([{Item, V} || Item <- Items,
                                 V <- [safe(fun() -> erlang:statistics(Item) end, undefined)],
                                 V =/= undefined]).

%% Raw values of erlang:system_info/1; items this release does not know (badarg) or cannot tell
%% (unknown) are left out.
system_info() ->
    Items = [dirty_cpu_schedulers, dirty_cpu_schedulers_online, dirty_io_schedulers, ets_limit,
             ets_count, logical_processors, logical_processors_available, logical_processors_online,
             port_count, port_limit, process_count, process_limit, schedulers, schedulers_online,
             smp_support, threads, thread_pool_size, time_correction, wordsize, atom_count,
             atom_limit],
    maps:from_list([{Item, V} || Item <- Items,
                                 V <- [safe(fun() -> erlang:system_info(Item) end, undefined)],
                                 V =/= undefined, V =/= unknown]).

%% [{Alloc, InstanceNo, Kind, Carriers, CarriersSize, Blocks, BlocksSize}] for the mbcs, mbcs_pool
%% and sbcs carrier kinds of every alloc_util allocator instance. OTP 23 moved block figures into
%% {blocks, [{Type, [{count, ...}, {size, ...}]}]}; older releases have blocks and blocks_size.
allocators() ->
    Allocs = erlang:system_info(alloc_util_allocators),
    [{Alloc, No, Kind, first_value(carriers, Props), first_value(carriers_size, Props),
      block_figure(count, blocks, Props), block_figure(size, blocks_size, Props)}
     || Alloc <- Allocs,
        Instances <- [safe(fun() -> erlang:system_info({allocator, Alloc}) end, false)],
        is_list(Instances),
        {instance, No, Info} <- Instances,
        {Kind, Props} <- Info,
        Kind =:= mbcs orelse Kind =:= mbcs_pool orelse Kind =:= sbcs,
        is_list(Props)].

first_value(Key, Props) ->
    case lists:keyfind(Key, 1, Props) of
        T when is_tuple(T), tuple_size(T) >= 2, is_integer(element(2, T)) -> element(2, T);
        _ -> 0
    end.

block_figure(NewKey, OldKey, Props) ->
    case lists:keyfind(blocks, 1, Props) of
        {blocks, PerType} when is_list(PerType) ->
            lists:sum([first_value(NewKey, Figures) || {_Type, Figures} <- PerType, is_list(Figures)]);
        _ when NewKey =:= count ->
            first_value(blocks, Props);
        _ ->
            first_value(OldKey, Props)
    end.

%% One entry per connected node (hidden ones too: the gateway itself is one):
%% {Peer, #{state, type, inet, port, proc, queue_size}}.
dist() ->
    {ok, Nodes} = net_kernel:nodes_info(),
    Ctrl = safe(fun() -> erlang:system_info(dist_ctrl) end, []),
    [{Peer, dist_peer(Peer, Info, Ctrl)} || {Peer, Info} <- Nodes, is_list(Info)].

dist_peer(Peer, Info, Ctrl) ->
    Owner = proplists:get_value(owner, Info),
    Base = #{state => proplists:get_value(state, Info),
             type => proplists:get_value(type, Info),
             queue_size => safe(fun() -> dist_queue_size(Peer) end, undefined),
             proc => safe(fun() -> dist_proc(Owner) end, undefined)},
    case lists:keyfind(Peer, 1, Ctrl) of
        {Peer, Port} when is_port(Port) ->
            Base#{inet => safe(fun() -> {ok, S} = inet:getstat(Port), S end, undefined),
                  port => safe(fun() -> dist_port(Port) end, undefined)};
        _ ->
            Base
    end.

dist_proc(Pid) when is_pid(Pid) ->
    erlang:process_info(Pid, [memory, heap_size, min_heap_size, min_bin_vheap_size, stack_size,
                              total_heap_size, message_queue_len, reductions, status]);
dist_proc(_) ->
    undefined.

dist_port(Port) ->
    [T || Item <- [input, output, memory, queue_size],
          T <- [erlang:port_info(Port, Item)],
          is_tuple(T)].

%% Bytes waiting in the distribution output queue. The connection id sits in the sys_dist table
%% that net_kernel owns; its layout is internal, so any surprise just leaves the figure out.
dist_queue_size(Peer) ->
    ConnId = ets:lookup_element(sys_dist, Peer, 3),
    {ok, _, _, Q} = erlang:dist_get_stat(ConnId),
    case Q of
        false -> 0;
        true -> -1;
        N when is_integer(N) -> N
    end.

%% /proc/self on Linux: the figures prometheus_process_collector reports. USER_HZ is 100 on every
%% Linux architecture exposed to user space, which is what /proc tick counts are in.
os_process() ->
    case os:type() of
        {unix, linux} ->
            Stat = proc_stat(),
            Status = proc_status(),
            BootTime = boot_time(),
            StartTicks = maps:get(starttime, Stat, undefined),
            Start = case is_integer(BootTime) andalso is_integer(StartTicks) of
                        true -> BootTime + StartTicks / 100;
                        false -> undefined
                    end,
            Now = os:system_time(millisecond) / 1000,
            Base = #{utime_seconds => ticks(maps:get(utime, Stat, undefined)),
                     stime_seconds => ticks(maps:get(stime, Stat, undefined)),
                     threads => maps:get(num_threads, Stat, undefined),
                     virtual_memory_bytes => maps:get(vsize, Stat, undefined),
                     minor_page_faults => maps:get(minflt, Stat, undefined),
                     major_page_faults => maps:get(majflt, Stat, undefined),
                     start_time_seconds => Start,
                     uptime_seconds => case Start of
                                           undefined -> undefined;
                                           _ -> Now - Start
                                       end,
                     open_fds => safe(fun() -> {ok, L} = file:list_dir("/proc/self/fd"), length(L) end,
                                      undefined),
                     max_fds => safe(fun max_fds/0, undefined)},
            maps:filter(fun(_, V) -> V =/= undefined end, maps:merge(Base, Status));
        _ ->
            undefined
    end.

ticks(N) when is_integer(N) -> N / 100;
ticks(_) -> undefined.

%% Fields of /proc/self/stat (proc(5) numbering) after the command name, which may itself hold
%% spaces and parentheses: everything after the last ')' is space separated from field 3 on.
proc_stat() ->
    {ok, Bin} = file:read_file("/proc/self/stat"),
    [_, After] = string:split(binary_to_list(Bin), ")", trailing),
    Fields = string:lexemes(After, " \n"),
    Wanted = [{minflt, 10}, {majflt, 12}, {utime, 14}, {stime, 15}, {num_threads, 20},
              {starttime, 22}, {vsize, 23}],
    maps:from_list([{Key, list_to_integer(lists:nth(N - 2, Fields))}
                    || {Key, N} <- Wanted, length(Fields) >= N - 2]).

proc_status() ->
    case file:read_file("/proc/self/status") of
        {ok, Bin} ->
            Lines = string:lexemes(binary_to_list(Bin), "\n"),
            Wanted = [{"VmRSS", resident_memory_bytes, 1024}, {"VmHWM", max_resident_memory_bytes, 1024},
                      {"voluntary_ctxt_switches", voluntary_context_switches, 1},
                      {"nonvoluntary_ctxt_switches", involuntary_context_switches, 1}],
            maps:from_list([{Key, Value * Scale}
                            || Line <- Lines,
                               [Name, Rest] <- [string:split(Line, ":")],
                               {WantedName, Key, Scale} <- Wanted,
                               Name =:= WantedName,
                               Value <- [leading_integer(Rest)],
                               is_integer(Value)]);
        _ ->
            #{}
    end.

leading_integer(Text) ->
    case string:to_integer(string:trim(Text)) of
        {N, _} when is_integer(N) -> N;
        _ -> undefined
    end.

boot_time() ->
    {ok, Bin} = file:read_file("/proc/stat"),
    Found = [leading_integer(Rest) || Line <- string:lexemes(binary_to_list(Bin), "\n"),
                                      "btime" ++ Rest <- [Line]],
    case Found of
        [N | _] when is_integer(N) -> N;
        _ -> undefined
    end.

%% The soft limit, as client libraries report process_max_fds; "unlimited" leaves it out.
max_fds() ->
    {ok, Bin} = file:read_file("/proc/self/limits"),
    [Soft | _] = [lists:nth(1, string:lexemes(Rest, " "))
                  || Line <- string:lexemes(binary_to_list(Bin), "\n"),
                     "Max open files" ++ Rest <- [Line]],
    list_to_integer(Soft).

%% Total queued messages and the TopN longest queues. Only message_queue_len is read per process
%% (cheap: no locks beyond the process's main lock, no copying); names are looked up for the TopN
%% alone. At most MaxProcs processes are visited. erlang:processes/0 still builds the full pid
%% list (two words per process), which no OTP before 28 lets us avoid.
message_queues(0, _TopN) ->
    undefined;
message_queues(MaxProcs, TopN) ->
    Pids = erlang:processes(),
    {Total, Scanned, Top} = scan_queues(Pids, MaxProcs, TopN, 0, 0, 0, []),
    #{total => Total,
      scanned => Scanned,
      processes => length(Pids),
      top => [{pid_text(P), process_name(P), Len} || {Len, P} <- lists:reverse(Top)]}.

scan_queues([], _Max, _TopN, _TopLen, Total, Scanned, Top) ->
    {Total, Scanned, Top};
scan_queues(_Pids, Max, _TopN, _TopLen, Total, Scanned, Top) when Scanned >= Max ->
    {Total, Scanned, Top};
scan_queues([P | Rest], Max, TopN, TopLen, Total, Scanned, Top) ->
    case erlang:process_info(P, message_queue_len) of
        {message_queue_len, 0} ->
            scan_queues(Rest, Max, TopN, TopLen, Total, Scanned + 1, Top);
        {message_queue_len, Len} ->
            {Top1, TopLen1} = top_insert({Len, P}, Top, TopLen, TopN),
            scan_queues(Rest, Max, TopN, TopLen1, Total + Len, Scanned + 1, Top1);
        undefined ->
            scan_queues(Rest, Max, TopN, TopLen, Total, Scanned + 1, Top)
    end.

%% Top is kept sorted ascending by length, so its head is the entry to evict.
top_insert(_Entry, Top, TopLen, 0) ->
    {Top, TopLen};
top_insert(Entry, Top, TopLen, TopN) when TopLen < TopN ->
    {lists:sort([Entry | Top]), TopLen + 1};
top_insert({Len, _} = Entry, [{Min, _} | Rest], TopLen, _TopN) when Len > Min ->
    {lists:sort([Entry | Rest]), TopLen};
top_insert(_Entry, Top, TopLen, _TopN) ->
    {Top, TopLen}.

pid_text(P) -> list_to_binary(erlang:pid_to_list(P)).

%% The registered name, else the proc_lib initial call ('$initial_call'), else the spawn MFA.
process_name(P) ->
    case erlang:process_info(P, [registered_name, initial_call, dictionary]) of
        [{registered_name, Name}, _, _] when is_atom(Name), Name =/= [] ->
            Name;
        [_, {initial_call, Initial}, {dictionary, Dict}] ->
            case lists:keyfind('$initial_call', 1, Dict) of
                {_, {M, F, A}} -> {M, F, A};
                _ -> Initial
            end;
        _ ->
            undefined
    end.

%% Modules with a .beam file in more than one code-path directory, [{ModuleBin, [DirBin]}] sorted by
%% module, at most 100: what code:clash/0 finds, without its printing to the group leader. Listing
%% every directory of the path costs milliseconds, so the result is cached in a persistent_term keyed
%% on the path and each directory's mtime (adding or removing a file changes the directory's mtime);
%% the term is only rewritten when that key changes, which is rare (its global GC is acceptable then).
module_clashes() ->
    safe(fun() ->
                 Dirs = unique_dirs(code:get_path(), #{}, []),
                 Key = [{D, dir_mtime(D)} || D <- Dirs],
                 case persistent_term:get({gateway_agent, module_clashes}, undefined) of
                     {Key, Cached} ->
                         Cached;
                     _ ->
                         Clashes = find_clashes(Dirs),
                         persistent_term:put({gateway_agent, module_clashes}, {Key, Clashes}),
                         Clashes
                 end
         end, undefined).

%% The path with relative entries made absolute and duplicates dropped ("." and the cwd are one dir).
unique_dirs([], _Seen, Acc) ->
    lists:reverse(Acc);
unique_dirs([Dir | Rest], Seen, Acc) ->
    Abs = filename:absname(Dir),
    case maps:is_key(Abs, Seen) of
        true -> unique_dirs(Rest, Seen, Acc);
        false -> unique_dirs(Rest, Seen#{Abs => true}, [Abs | Acc])
    end.

dir_mtime(Dir) ->
    case file:read_file_info(Dir, [{time, posix}]) of
        {ok, Info} -> element(6, Info); % #file_info.mtime
        _ -> undefined
    end.

find_clashes(Dirs) ->
    ByModule = lists:foldl(fun(Dir, Acc) -> add_beams(Dir, Acc) end, #{}, Dirs),
    Clashes = lists:sort([{M, lists:reverse(Ds)} || {M, [_, _ | _] = Ds} <- maps:to_list(ByModule)]),
    [{to_binary(M), [to_binary(D) || D <- Ds]} || {M, Ds} <- lists:sublist(Clashes, 100)].

add_beams(Dir, Acc) ->
    case file:list_dir(Dir) of
        {ok, Files} ->
            lists:foldl(fun(File, A) ->
                                case filename:extension(File) of
                                    ".beam" ->
                                        M = filename:rootname(File),
                                        maps:update_with(M, fun(Ds) -> [Dir | Ds] end, [Dir], A);
                                    _ ->
                                        A
                                end
                        end, Acc, Files);
        _ ->
            Acc
    end.

to_binary(Name) ->
    case unicode:characters_to_binary(Name) of
        Bin when is_binary(Bin) -> Bin;
        _ -> iolist_to_binary(io_lib:format("~w", [Name]))
    end.

%% Modules that have old code loaded (a purge is pending): #{count => N, modules => [Module]}, at most
%% 100 listed. erlang:check_old_code/1 is a BIF reading a flag, ~1 µs per loaded module.
%% Microstate accounting: [{ThreadType, Id, #{State => Seconds}}] once it has counted anything
%% (erlang:system_flag(microstate_accounting, true) on the node); undefined while every counter is
%% still zero, so a node that never switched it on does not get ~120 zero series. Reading it neither
%% switches it on nor resets it.
msacc() ->
    case erlang:statistics(microstate_accounting) of
        Threads when is_list(Threads) ->
            Counted = lists:any(fun(#{counters := Counters}) ->
                                        lists:any(fun(Ticks) -> Ticks > 0 end, maps:values(Counters))
                                end, Threads),
            case Counted of
                true ->
                    PerSecond = erlang:convert_time_unit(1, second, perf_counter),
                    [{Type, Id, maps:map(fun(_State, Ticks) -> Ticks / PerSecond end, Counters)}
                     || #{type := Type, id := Id, counters := Counters} <- Threads];
                false ->
                    undefined
            end;
        _ ->
            undefined
    end.

old_code() ->
    safe(fun() ->
                 Old = [M || {M, _} <- code:all_loaded(), erlang:check_old_code(M)],
                 #{count => length(Old), modules => lists:sublist(lists:sort(Old), 100)}
         end, undefined).

%% [{App, Vsn}] of the running applications.
applications(Timeout) ->
    safe(fun() ->
                 [{App, Vsn} || {App, _Desc, Vsn} <- application:which_applications(Timeout)]
         end, []).

%% The figures prometheus_mnesia_collector reports, when mnesia runs here.
mnesia_info(Apps, Timeout) ->
    case lists:keymember(mnesia, 1, Apps) andalso mnesia:system_info(is_running) =:= yes of
        true ->
            WordSize = erlang:system_info(wordsize),
            {Participants, Coordinators} =
                safe(fun() ->
                             {info, Ps, Cs} = mnesia_tm:get_info(Timeout),
                             {length(Ps), length(Cs)}
                     end, {undefined, undefined}),
            Tables = [{Tab, table_info(Tab, size), table_info(Tab, memory) * WordSize}
                      || Tab <- mnesia:system_info(tables)],
            #{held_locks => safe(fun() -> ets:info(mnesia_held_locks, size) end, undefined),
              lock_queue => safe(fun() -> ets:info(mnesia_lock_queue, size) end, undefined),
              transaction_participants => Participants,
              transaction_coordinators => Coordinators,
              transaction_failures => mnesia:system_info(transaction_failures),
              transaction_commits => mnesia:system_info(transaction_commits),
              transaction_log_writes => mnesia:system_info(transaction_log_writes),
              transaction_restarts => mnesia:system_info(transaction_restarts),
              db_nodes => length(mnesia:system_info(db_nodes)),
              running_db_nodes => length(mnesia:system_info(running_db_nodes)),
              tables => Tables};
        false ->
            undefined
    end.

%% A table that should load here but has not yet answers undefined (erlang/otp#5830).
table_info(Tab, Item) ->
    case safe(fun() -> mnesia:table_info(Tab, Item) end, 0) of
        N when is_integer(N) -> N;
        _ -> 0
    end.

%% Active SASL alarms as [{Id, Description}] in text, or undefined without alarm_handler.
alarms() ->
    case whereis(alarm_handler) of
        undefined ->
            undefined;
        _ ->
            safe(fun() -> [{format_term(Id), format_term(Desc)} || {Id, Desc} <- alarm_handler:get_alarms()] end,
                 undefined)
    end.

%% ---------------------------------------------------------------------------------------------
%% Forwarding of logger events and SASL alarms
%% ---------------------------------------------------------------------------------------------
%%
%% install({Name, GatewayNode}, Opts) adds the logger handler gateway_agent and, when SASL's
%% alarm_handler runs, an alarm_handler event handler. Messages sent to {Name, GatewayNode}:
%%   {gateway_log, Node, #{level, time, text, meta}}
%%   {gateway_alarm, Node, {set, IdText, DescriptionText} | {clear, IdText}}
%% Opts: level (logger level, default warning), max_per_second (default 500), max_bytes (text
%% size limit, default 8192). Events over the rate, or that would block on a busy distribution
%% link, are dropped and counted; the caller of logger never waits for the gateway.


%% Counter slots of the ref made at install time.
%%   1 logs forwarded, 2 logs dropped over the rate, 3 logs dropped (link busy or down),
%%   4 events in the current one-second window, 5 alarms forwarded, 6 alarms dropped,
%%   7 logger handler added back by collect/1, 8 alarm_handler handler added by collect/1.
%%
%% What install/2 sets up is also kept in a persistent_term ({gateway_agent, forwarding}), so that
%% collect/1 can add back a handler that went missing with the same target, options and counters.
%% The term is written once per install and erased by remove/0: replacing or erasing a
%% persistent_term makes the runtime scan every process for references to the old value, which is
%% fine at that rate (once per gateway connection), never per cycle.
%%
%% Opts also take call_timeout (ms, default 1000) for the calls into the alarm_handler process.
install({Name, GatewayNode} = Target, Opts0) when is_atom(Name), is_atom(GatewayNode) ->
    Opts = case is_map(Opts0) of
               true -> Opts0;
               false -> #{}
           end,
    ok = remove_handlers(),
    Counters = counters:new(8, [write_concurrency]),
    Window = atomics:new(1, [{signed, true}]),
    HandlerConfig = #{level => maps:get(level, Opts, warning),
                      filter_default => log,
                      filters => [],
                      config => #{target => Target,
                                  counters => Counters,
                                  window => Window,
                                  max_per_second => opt(max_per_second, Opts, 500),
                                  max_bytes => opt(max_bytes, Opts, 8192)}},
    AlarmArgs = #{target => Target, counters => Counters},
    persistent_term:put(forwarding_key(),
                        #{logger => HandlerConfig, alarm_handler => AlarmArgs, counters => Counters}),
    LoggerResult = logger:add_handler(gateway_agent, gateway_agent, HandlerConfig),
    AlarmResult = add_alarm_handler(AlarmArgs, opt(call_timeout, Opts, 1000)),
    #{logger => LoggerResult, alarm_handler => AlarmResult}.

%% Removes both handlers and forgets the install, so collect/1 adds nothing back; safe to call
%% when neither is installed.
remove() ->
    ok = remove_handlers(),
    _ = persistent_term:erase(forwarding_key()),
    ok.

remove_handlers() ->
    _ = logger:remove_handler(gateway_agent),
    _ = case whereis(alarm_handler) of
            undefined -> ok;
            _ -> safe(fun() -> gen_event:delete_handler(alarm_handler, gateway_agent, remove) end, ok)
        end,
    ok.

forwarding_key() -> {gateway_agent, forwarding}.

%% Called by every collect/1: adds back the logger handler when it is gone (logger:remove_handler,
%% or logger dropped it after a crash) and the alarm_handler handler when SASL's alarm_handler runs
%% without it (SASL started after install/2, or the alarm_handler process restarted). The check
%% costs a persistent_term read, logger:get_handler_ids() (an ETS read, ~1 us), whereis/1 and, while
%% SASL runs, one gen_event:call into the alarm_handler process (~2 us, bounded by Timeout: a stuck
%% alarm_handler must not hold the collection). Nothing is re-added while it is in place: gen_event
%% would happily run two copies of a handler.
ensure_forwarding(Timeout) ->
    case persistent_term:get(forwarding_key(), undefined) of
        #{logger := HandlerConfig, alarm_handler := AlarmArgs, counters := C} ->
            safe(fun() -> ensure_logger_handler(HandlerConfig, C) end, ok),
            safe(fun() -> ensure_alarm_handler(AlarmArgs, C, Timeout) end, ok);
        _ ->
            ok
    end.

ensure_logger_handler(HandlerConfig, C) ->
    case lists:member(gateway_agent, logger:get_handler_ids()) of
        true ->
            ok;
        false ->
            case logger:add_handler(gateway_agent, gateway_agent, HandlerConfig) of
                ok -> counters:add(C, 7, 1);
                _ -> ok
            end
    end.

ensure_alarm_handler(AlarmArgs, C, Timeout) ->
    case whereis(alarm_handler) of
        undefined ->
            ok;
        _ ->
            case gen_event:call(alarm_handler, gateway_agent, ping, Timeout) of
                {error, bad_module} ->
                    case add_alarm_handler(AlarmArgs, Timeout) of
                        ok -> counters:add(C, 8, 1);
                        _ -> ok
                    end;
                _ ->
                    ok
            end
    end.

%% Adds the handler to SASL's alarm_handler, then forwards the alarms already active there: an
%% alarm set while no handler was in place (SASL started after install/2 and raised at once) must
%% still reach the gateway, and its clear must follow. The handler tracks the ids it forwarded from
%% the moment it was added until it receives the list of active alarms (read after the add), and
%% skips those: an alarm set or cleared in between was forwarded in order by the handler itself.
add_alarm_handler(AlarmArgs, Timeout) ->
    case whereis(alarm_handler) of
        undefined ->
            not_running;
        _ ->
            try gen_event:add_handler(alarm_handler, gateway_agent, AlarmArgs) of
                ok ->
                    Active = safe(fun() -> gen_event:call(alarm_handler, alarm_handler, get_alarms, Timeout) end, []),
                    _ = safe(fun() ->
                                     gen_event:call(alarm_handler, gateway_agent,
                                                    {active_alarms, case is_list(Active) of
                                                                        true -> Active;
                                                                        false -> []
                                                                    end}, Timeout)
                             end, error),
                    ok;
                Other ->
                    Other
            catch _:Reason ->
                {error, Reason}
            end
    end.

forwarding_status() ->
    case safe(fun() -> logger:get_handler_config(gateway_agent) end, undefined) of
        {ok, #{config := #{counters := C, target := Target}}} ->
            #{installed => true,
              target => Target,
              logs_forwarded => counters:get(C, 1),
              logs_dropped_rate => counters:get(C, 2),
              logs_dropped_busy => counters:get(C, 3),
              alarms_forwarded => counters:get(C, 5),
              alarms_dropped => counters:get(C, 6),
              % A handler installed by agent v3 has only 6 slots.
              logger_readded => safe(fun() -> counters:get(C, 7) end, 0),
              alarm_handler_readded => safe(fun() -> counters:get(C, 8) end, 0)};
        _ ->
            #{installed => false}
    end.

%% logger handler callbacks. log/2 runs in the process that logged: it must be cheap and must not
%% raise (logger would remove the handler), so all of it is guarded.
adding_handler(Config) -> {ok, Config}.

removing_handler(_Config) -> ok.

changing_config(_SetOrUpdate, _OldConfig, NewConfig) -> {ok, NewConfig}.

log(Event, #{config := #{target := Target, counters := C, window := W,
                         max_per_second := Max, max_bytes := MaxBytes}}) ->
    try
        Now = erlang:monotonic_time(second),
        case atomics:get(W, 1) of
            Now -> ok;
            _ -> atomics:put(W, 1, Now), counters:put(C, 4, 0)
        end,
        counters:add(C, 4, 1),
        case counters:get(C, 4) > Max of
            true ->
                counters:add(C, 2, 1);
            false ->
                case send(Target, {gateway_log, node(), event_map(Event, MaxBytes)}) of
                    ok -> counters:add(C, 1, 1);
                    _ -> counters:add(C, 3, 1)
                end
        end
    catch _:_ ->
        ok
    end;
log(_Event, _Config) ->
    ok.

%% noconnect: never set up a connection from a logging call; nosuspend: never wait on a busy
%% distribution link. Either way the message is dropped and the caller goes on.
send(Target, Msg) ->
    try erlang:send(Target, Msg, [noconnect, nosuspend]) of
        ok -> ok;
        Other -> Other
    catch _:_ -> error
    end.

event_map(#{level := Level, meta := Meta} = Event, MaxBytes) ->
    #{level => Level,
      time => maps:get(time, Meta, undefined),
      text => format_message(Event, MaxBytes),
      meta => maps:from_list([{K, meta_value(K, V)} || {K, V} <- maps:to_list(Meta),
                                                       K =/= time, K =/= gl, K =/= report_cb,
                                                       simple_meta(V)])}.

format_message(Event, MaxBytes) ->
    try
        Text = logger_formatter:format(Event, #{template => [msg], single_line => true,
                                                chars_limit => MaxBytes, max_size => MaxBytes}),
        case unicode:characters_to_binary(Text) of
            Bin when is_binary(Bin) -> Bin;
            _ -> <<"(log message is not valid unicode)">>
        end
    catch _:_ ->
        <<"(log message could not be formatted)">>
    end.

simple_meta(V) -> is_atom(V) orelse is_number(V) orelse is_binary(V) orelse is_pid(V)
                      orelse is_list(V) orelse is_tuple(V).

meta_value(pid, P) when is_pid(P) -> pid_text(P);
meta_value(mfa, {M, F, A}) when is_atom(M), is_atom(F), is_integer(A) ->
    unicode:characters_to_binary(io_lib:format("~ts:~ts/~w", [atom_to_list(M), atom_to_list(F), A]));
meta_value(_, V) when is_atom(V); is_number(V) -> V;
meta_value(_, V) when is_binary(V), byte_size(V) =< 1024 -> V;
meta_value(_, V) -> format_term(V).

format_term(T) ->
    try unicode:characters_to_binary(io_lib:format("~0tp", [T], [{chars_limit, 1024}])) of
        Bin when is_binary(Bin) -> Bin;
        _ -> list_to_binary(io_lib:format("~0p", [T], [{chars_limit, 1024}]))
    catch _:_ ->
        <<"(unprintable)">>
    end.

%% gen_event callbacks, installed in SASL's alarm_handler. seen holds the ids forwarded since the
%% handler was added, until the active alarms arrive (add_alarm_handler/2); then it is done.
init(#{target := _, counters := _} = State) -> {ok, State#{seen => #{}}}.

handle_event({set_alarm, {Id, Description}}, State) ->
    forward_alarm(Id, {set, format_term(Id), format_term(Description)}, State);
handle_event({set_alarm, Id}, State) ->
    forward_alarm(Id, {set, format_term(Id), <<>>}, State);
handle_event({clear_alarm, Id}, State) ->
    forward_alarm(Id, {clear, format_term(Id)}, State);
handle_event(_Event, State) ->
    {ok, State}.

forward_alarm(Id, Alarm, State) ->
    send_alarm(Alarm, State),
    case maps:get(seen, State, done) of
        Seen when is_map(Seen) -> {ok, State#{seen => Seen#{Id => true}}};
        _ -> {ok, State}
    end.

send_alarm(Alarm, #{target := Target, counters := C}) ->
    case send(Target, {gateway_alarm, node(), Alarm}) of
        ok -> counters:add(C, 5, 1);
        _ -> counters:add(C, 6, 1)
    end.

handle_call(ping, State) ->
    {ok, pong, State};
handle_call({active_alarms, Active}, State) ->
    case maps:get(seen, State, done) of
        Seen when is_map(Seen) ->
            _ = [send_alarm({set, format_term(Id), format_term(Description)}, State)
                 || {Id, Description} <- Active, not maps:is_key(Id, Seen)],
            {ok, ok, State#{seen => done}};
        _ ->
            {ok, ok, State}
    end;
handle_call(_Request, State) -> {ok, ok, State}.

handle_info(_Info, State) -> {ok, State}.

terminate(_Arg, _State) -> ok.

code_change(_OldVsn, State, _Extra) -> {ok, State}.
